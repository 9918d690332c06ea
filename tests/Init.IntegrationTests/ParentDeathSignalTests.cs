using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

public class ParentDeathSignalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("init-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Parent_death_signal_reaches_init_and_is_forwarded()
    {
        // An outer init runs a shell that starts an inner `init -p USR1` and then waits on a fifo; opening
        // the fifo lets the shell exit, so the inner init's parent dies and it must get USR1. The inner init
        // runs under setsid so the outer one's clean-up SIGTERM (its main child ended) cannot race with USR1.
        var fifo = Path.Combine(_dir, "gate");
        Assert.Equal(0, Mkfifo(fifo, 0b110_000_000));
        using var run = InitProcess.Start(Mode.Subreaper, "sh", "-c",
            $"setsid '{Artifacts.Init}' -p USR1 '{Artifacts.Probe}' signals & read _ < '{fifo}'; exit 0");
        var pid = run.WaitForReady();
        var inner = ProcFs.Descendants(run.InitPid).Single(s => s.Comm == "init").Pid;
        using (File.OpenWrite(fifo))
        {
        }
        run.WaitForLine($"signal {SIGUSR1} pid={pid}");
        Signal(inner, SIGTERM);
        run.WaitForLine($"signal {SIGTERM} pid={pid}");
        Assert.Equal(0, run.WaitForExit());
        ProcFs.WaitUntil(() => ProcFs.ReadStat(inner) is null, "the inner init is gone");
    }
}
