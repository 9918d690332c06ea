using System.Diagnostics;
using System.Text;

namespace Init.IntegrationTests.Docker;

/// <summary>
/// The Docker engine the scenarios run on (.ci/run starts one and sets DOCKER_HOST). Outside CI a missing
/// engine skips the Docker tests with the reason; in CI (CI=true) they run and fail with the engine's error.
/// </summary>
public static class DockerEngine
{
    private static readonly Lazy<string?> s_unavailable = new(Probe);

    public static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>Why the engine cannot be used, or null when it answers.</summary>
    public static string? Unavailable => s_unavailable.Value;

    public readonly record struct Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    public static Result Run(params string[] args) => Run(args, TimeSpan.FromMinutes(10));

    public static Result Run(IEnumerable<string> args, TimeSpan timeout, string? stdin = null)
    {
        var info = new ProcessStartInfo("docker")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"docker {string.Join(' ', info.ArgumentList)} took over {timeout}");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs docker and insists on success.</summary>
    public static string Check(params string[] args)
    {
        var result = Run(args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker {string.Join(' ', args)} failed ({result.ExitCode}): {result.Output}");
        }
        return result.Stdout.Trim();
    }

    private static string? Probe()
    {
        try
        {
            var info = Run(["info", "--format", "{{.ServerVersion}}"], TimeSpan.FromSeconds(30));
            return info.ExitCode == 0 ? null : "docker info: " + info.Output.Trim();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
        {
            return "docker: " + e.Message;
        }
    }
}

/// <summary>A test that needs the Docker engine: skipped with the reason outside CI when there is none.</summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (DockerEngine.Unavailable is { } why && !DockerEngine.InCi)
        {
            Skip = "no Docker engine here (" + why + "); .ci/run starts one";
        }
    }
}

/// <summary>The Theory form of <see cref="DockerFactAttribute"/>.</summary>
public sealed class DockerTheoryAttribute : TheoryAttribute
{
    public DockerTheoryAttribute()
    {
        if (DockerEngine.Unavailable is { } why && !DockerEngine.InCi)
        {
            Skip = "no Docker engine here (" + why + "); .ci/run starts one";
        }
    }
}
