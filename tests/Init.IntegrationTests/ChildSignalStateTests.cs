using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests;

/// <summary>Children start with the signal state init was started with, not the .NET runtime's.</summary>
public class ChildSignalStateTests
{
    [Theory]
    [InlineData(Mode.Pid1)]
    [InlineData(Mode.Subreaper)]
    [InlineData(Mode.PtyPid1)]
    public void Yes_piped_to_head_ends(Mode mode)
    {
        // Needs SIGPIPE at its default in `yes`; the runtime ignores SIGPIPE in init itself.
        using var run = InitProcess.Start(mode, "sh", "-c", "yes | head -1");
        Assert.Equal(0, run.WaitForExit(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Child_has_an_empty_mask_and_nothing_ignored()
    {
        using var run = InitProcess.Start(Mode.Pid1, Artifacts.Probe, "status");
        Assert.Equal(0, run.WaitForExit());
        Assert.Contains("SigBlk:\t0000000000000000", run.Output);
        Assert.Contains("SigIgn:\t0000000000000000", run.Output);
        Assert.Contains("SigCgt:\t0000000000000000", run.Output);
    }

    [Fact]
    public void Child_gets_the_mask_init_was_started_with_and_init_still_forwards_those_signals()
    {
        // init's parent blocked USR1 and USR2: the child must start with them blocked too, yet init itself
        // must still receive and forward them.
        using var status = InitProcess.Start(Mode.Subreaper, [Artifacts.Probe, "status"], null,
            launcher: [Artifacts.Probe, "block", "10", "12", "--"]);
        Assert.Equal(0, status.WaitForExit());
        Assert.Contains("SigBlk:\t0000000000000a00", status.Output);

        using var run = InitProcess.Start(Mode.Subreaper, [Artifacts.Probe, "signals"], null,
            launcher: [Artifacts.Probe, "block", "10", "--"]);
        run.WaitForReady();
        run.Signal(Harness.Native.SIGUSR1);
        // The probe unblocks nothing; a blocked USR1 stays pending in it. So look at the pending set.
        ProcFs.WaitUntil(() => ProcFs.Has(ProcFs.StatusMask(ChildOf(run), "SigPnd") | ProcFs.StatusMask(ChildOf(run), "ShdPnd"),
            Harness.Native.SIGUSR1), "USR1 is pending in the child");
        run.Signal(Harness.Native.SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Sigchld_ignored_by_the_parent_does_not_lose_the_exit_status()
    {
        // With SIGCHLD ignored (which survives exec) the kernel would reap init's children itself.
        using var run = InitProcess.Start(Mode.Subreaper, ["sh", "-c", "exit 7"], null,
            launcher: [Artifacts.Probe, "ignore", "17", "--"]);
        Assert.Equal(7, run.WaitForExit());
    }

    [Fact]
    public void Signals_ignored_by_the_parent_stay_ignored_in_the_child()
    {
        using var run = InitProcess.Start(Mode.Subreaper, [Artifacts.Probe, "status"], null,
            launcher: [Artifacts.Probe, "ignore", "1", "--"]);
        Assert.Equal(0, run.WaitForExit());
        Assert.Contains("SigIgn:\t0000000000000001", run.Output);
    }

    private static int ChildOf(InitProcess run) => ProcFs.Descendants(run.InitPid).Single(s => s.Comm == "probe").Pid;
}
