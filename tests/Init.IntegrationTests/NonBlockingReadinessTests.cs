using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>
/// Readiness checks against peers that never answer, init as PID 1: the loop must go on reading signals and
/// reaping while a check is unanswered (docs/design.md, "Nothing blocks the loop").
/// </summary>
public sealed class NonBlockingReadinessTests : IDisposable
{
    /// <summary>Far more than init needs, far less than a blocking connect's retries (about 2 minutes).</summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(15);

    private readonly string _dir = Directory.CreateTempSubdirectory("init-nbready-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void WaitForMainStarted(InitProcess run) =>
        run.WaitForLine(l => l.Contains("started main process", StringComparison.Ordinal), what: "main started");

    private static void WaitForConnectInFlight(InitProcess run, FullBacklogListener listener) =>
        ProcFs.WaitUntil(() => listener.HasUnansweredConnectFrom(run.InitPid), "init has a connect in flight to the port");

    [Fact]
    public void Sigterm_ends_init_while_its_tcp_check_gets_no_answer()
    {
        using var listener = new FullBacklogListener();
        using var run = InitProcess.Start(Mode.Pid1, "-v", "-t", "2s", "--ready", $"tcp:{listener.Port}", "--", "sleep", "300");
        WaitForMainStarted(run);
        WaitForConnectInFlight(run, listener);

        run.Signal(SIGTERM);

        // As tini gives for sleep killed by SIGTERM.
        Assert.Equal(143, run.WaitForExit(ExitBound));
        Assert.DoesNotContain("is ready", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tcp_check_without_an_answer_passes_once_the_listener_accepts()
    {
        using var listener = new FullBacklogListener();
        var go = Path.Combine(_dir, "go");
        // The main process ends by itself, with 0, once the test says so: no signal can race the readiness.
        using var run = InitProcess.Start(Mode.Pid1, "-v", "--ready", $"tcp:{listener.Port}", "--",
            "sh", "-c", $"while [ ! -e '{go}' ]; do sleep 0.05; done");
        WaitForMainStarted(run);
        WaitForConnectInFlight(run, listener);
        Assert.DoesNotContain("is ready", run.Output, StringComparison.Ordinal);

        listener.AcceptAll();
        run.WaitForLine(l => l.Contains("main process", StringComparison.Ordinal) && l.EndsWith(" is ready", StringComparison.Ordinal),
            what: "main ready");
        File.WriteAllText(go, "");

        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void A_file_check_on_a_fifo_nobody_writes_to_counts_it_as_there_and_never_waits_on_it()
    {
        var fifo = Path.Combine(_dir, "fifo");
        Artifacts.Run("mkfifo", [fifo]);
        using var run = InitProcess.Start(Mode.Pid1, "-v", "--ready", $"file:{fifo}", "--", "sleep", "300");
        run.WaitForLine(l => l.EndsWith(" is ready", StringComparison.Ordinal), what: "main ready");

        run.Signal(SIGTERM);

        Assert.Equal(143, run.WaitForExit(ExitBound));
    }
}
