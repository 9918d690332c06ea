using System.Diagnostics;

namespace Init.IntegrationTests.Harness;

/// <summary>
/// The binaries under test, built once per test run: the published single-file init (exactly what users
/// copy into images) and the probe, a small C program that reports what it sees. TEST_INIT_BINARY points
/// at an init built elsewhere (its name must not start with INIT_: init would warn about it).
/// </summary>
public static class Artifacts
{
    private static readonly Lazy<string> s_init = new(BuildInit, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> s_probe = new(BuildProbe, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Init => s_init.Value;

    public static string Probe => s_probe.Value;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string OutputDirectory => Path.Combine(RepositoryRoot, "artifacts", "test");

    private static string BuildInit()
    {
        if (Environment.GetEnvironmentVariable("TEST_INIT_BINARY") is { Length: > 0 } prebuilt)
        {
            return prebuilt;
        }
        var output = Path.Combine(OutputDirectory, "init");
        Run("dotnet", ["publish", Path.Combine(RepositoryRoot, "src", "Init", "Init.csproj"), "-c", "Release",
            "-o", output, "-nologo", "-v", "quiet"]);
        return Path.Combine(output, "init");
    }

    private static string BuildProbe()
    {
        var output = Path.Combine(OutputDirectory, "probe");
        Directory.CreateDirectory(OutputDirectory);
        var source = Path.Combine(RepositoryRoot, "tests", "Init.IntegrationTests", "Probe", "probe.c");
        Run("gcc", ["-O2", "-Wall", "-Wextra", "-Werror", "-o", output, source]);
        return output;
    }

    public static void Run(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Init.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Init.sln not found above " + AppContext.BaseDirectory);
    }
}
