using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>dumb-init's job control: a stop is passed on, then init stops itself (unless PID 1).</summary>
public class JobControlTests
{
    private static bool Stopped(int pid) => ProcFs.ReadStat(pid)?.State == 'T';

    [Theory]
    [InlineData(SIGTSTP)]
    [InlineData(SIGTTIN)]
    [InlineData(SIGTTOU)]
    public void Stop_and_continue_as_subreaper(int stopSignal)
    {
        using var run = InitProcess.Start(Mode.Subreaper, Artifacts.Probe, "signals");
        var child = run.WaitForReady();
        run.Signal(stopSignal);
        ProcFs.WaitUntil(() => Stopped(child), "the child is stopped");
        ProcFs.WaitUntil(() => Stopped(run.InitPid), "init is stopped");

        run.Signal(SIGCONT);
        ProcFs.WaitUntil(() => !Stopped(run.InitPid) && !Stopped(child), "both run again");
        run.WaitForLine($"signal {SIGCONT} pid={child}");
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void As_pid_1_the_child_stops_and_init_keeps_running()
    {
        using var run = InitProcess.Start(Mode.Pid1, Artifacts.Probe, "signals");
        run.WaitForReady();
        var child = ProcFs.Descendants(run.InitPid).Single(s => s.Comm == "probe").Pid;
        run.Signal(SIGTSTP);
        ProcFs.WaitUntil(() => Stopped(child), "the child is stopped");
        Assert.False(Stopped(run.InitPid));

        run.Signal(SIGCONT);
        ProcFs.WaitUntil(() => !Stopped(child), "the child runs again");
        run.WaitForLine($"signal {SIGCONT} ");
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Single_child_mode_passes_the_stop_signal_itself()
    {
        using var run = InitProcess.Start(Mode.Pid1, "-c", Artifacts.Probe, "signals");
        var pid = run.WaitForReady();
        run.Signal(SIGTSTP);
        // The probe catches TSTP (a program may clean up before stopping), so it reports it.
        run.WaitForLine($"signal {SIGTSTP} pid={pid}");
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }
}
