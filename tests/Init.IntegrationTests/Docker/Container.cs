using System.Diagnostics;

namespace Init.IntegrationTests.Docker;

/// <summary>One container of a scenario, seen the way Docker sees it: logs, exit code, how long a stop took.</summary>
public sealed class Container : IDisposable
{
    private Container(string id) => Id = id;

    public string Id { get; }

    /// <summary>docker run -d with the host userland mounted read-only.</summary>
    public static Container Start(string image, IEnumerable<string> runArgs, params string[] command)
    {
        string[] args = ["run", "-d", .. DockerImages.Userland, .. runArgs, image, .. command];
        return new Container(DockerEngine.Check(args));
    }

    /// <summary>docker run -d with nothing of the host in the container.</summary>
    public static Container StartBare(string image, params string[] command) =>
        new(DockerEngine.Check(["run", "-d", image, .. command]));

    public string Logs()
    {
        var logs = DockerEngine.Run("logs", Id);
        return logs.Stdout + logs.Stderr;
    }

    /// <summary>Waits for a line in the container's output (docker logs has no push, so it is polled).</summary>
    public void WaitForLog(string text, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!Logs().Contains(text, StringComparison.Ordinal))
        {
            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"no '{text}' in the logs of {Id[..12]}:\n{Logs()}");
            }
            Thread.Sleep(50);
        }
    }

    /// <summary>docker wait: the exit code once the container has ended.</summary>
    public int Wait() => int.Parse(DockerEngine.Check("wait", Id), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>State.ExitCode from docker inspect.</summary>
    public int ExitCode =>
        int.Parse(DockerEngine.Check("inspect", "-f", "{{.State.ExitCode}}", Id), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>docker stop; returns how long it took.</summary>
    public TimeSpan Stop(int? timeoutSeconds = null)
    {
        var clock = Stopwatch.StartNew();
        string[] args = timeoutSeconds is { } t ? ["stop", "-t", t.ToString(System.Globalization.CultureInfo.InvariantCulture), Id] : ["stop", Id];
        DockerEngine.Check(args);
        return clock.Elapsed;
    }

    public void Kill(string signal) => DockerEngine.Check("kill", "-s", signal, Id);

    public DockerEngine.Result Exec(params string[] command) => DockerEngine.Run(["exec", Id, .. command]);

    public void Dispose() => DockerEngine.Run("rm", "-f", Id);
}
