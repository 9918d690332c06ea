using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests;

/// <summary>
/// Children start with exactly the signal state init was started with (mask and ignored set), not the .NET
/// runtime's; `probe parent` gives init a known parent state first, so the test runner's own cannot leak in.
/// </summary>
public class ChildSignalStateTests
{
    private static readonly string[] CleanParent = [Artifacts.Probe, "parent", "--"];

    [Theory]
    [InlineData(Mode.Pid1)]
    [InlineData(Mode.Subreaper)]
    [InlineData(Mode.PtyPid1)]
    public void Yes_piped_to_head_ends(Mode mode)
    {
        // Needs SIGPIPE at its default in `yes`; the runtime ignores SIGPIPE in init itself.
        using var run = InitProcess.Start(mode, ["sh", "-c", "yes | head -1"], null, CleanParent);
        Assert.Equal(0, run.WaitForExit(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData(Mode.Pid1)]
    [InlineData(Mode.Subreaper)]
    public void From_a_clean_parent_the_child_has_an_empty_mask_and_nothing_ignored(Mode mode)
    {
        using var run = InitProcess.Start(mode, [Artifacts.Probe, "status"], null, CleanParent);
        Assert.Equal(0, run.WaitForExit());
        Assert.Contains("SigBlk:\t0000000000000000", run.Output);
        Assert.Contains("SigIgn:\t0000000000000000", run.Output);
        Assert.Contains("SigCgt:\t0000000000000000", run.Output);
    }

    /// <summary>
    /// A shell's `trap '' PIPE HUP`, a Python parent (PIPE, XFSZ ignored), a blocked mask: what the child sees
    /// must be exactly that, even for signals the .NET runtime handles in init itself (SEGV, PIPE).
    /// </summary>
    [Theory]
    [InlineData(Mode.Subreaper)]
    [InlineData(Mode.Pid1)]
    public void The_child_sees_the_parents_ignored_and_blocked_signals_exactly(Mode mode)
    {
        string[] parent = [Artifacts.Probe, "parent", "-i", "13", "-i", "1", "-i", "11", "-i", "25", "-b", "12", "-b", "21", "--"];
        using var run = InitProcess.Start(mode, [Artifacts.Probe, "status"], null, parent);
        Assert.Equal(0, run.WaitForExit());

        const ulong ignored = 1UL << 12 | 1UL << 0 | 1UL << 10 | 1UL << 24; // PIPE HUP SEGV XFSZ
        const ulong blocked = 1UL << 11 | 1UL << 20; // USR2 TTIN
        Assert.Contains($"SigIgn:\t{ignored:x16}", run.Output);
        Assert.Contains($"SigBlk:\t{blocked:x16}", run.Output);
        Assert.Contains("SigCgt:\t0000000000000000", run.Output);
    }

    [TiniFact]
    public void The_child_sees_what_it_sees_under_tini()
    {
        string[] parent = [Artifacts.Probe, "parent", "-i", "13", "-i", "1", "-i", "11", "-b", "12", "-b", "21", "--"];
        using var ours = InitProcess.Start(Mode.Subreaper, [Artifacts.Probe, "status"], null, parent);
        Assert.Equal(0, ours.WaitForExit());
        using var tini = InitProcess.StartCommand(parent[0], [.. parent[1..], ReferenceInits.Tini, "-s", "--", Artifacts.Probe, "status"]);
        Assert.Equal(0, tini.WaitForExit());

        foreach (var field in new[] { "SigBlk:", "SigIgn:", "SigCgt:" })
        {
            Assert.Equal(Line(tini.Output, field), Line(ours.Output, field));
        }
    }

    [Fact]
    public void Signals_the_parent_blocked_still_reach_init_and_are_forwarded()
    {
        // The child starts with USR1 blocked too (as its parent had it): it shows up pending there.
        using var run = InitProcess.Start(Mode.Subreaper, [Artifacts.Probe, "signals"], null,
            [Artifacts.Probe, "parent", "-b", "10", "--"]);
        run.WaitForReady();
        run.Signal(Harness.Native.SIGUSR1);
        ProcFs.WaitUntil(() => ProcFs.Has(ProcFs.StatusMask(ChildOf(run), "SigPnd") | ProcFs.StatusMask(ChildOf(run), "ShdPnd"),
            Harness.Native.SIGUSR1), "USR1 is pending in the child");
        run.Signal(Harness.Native.SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Sigchld_ignored_by_the_parent_does_not_lose_the_exit_status_and_the_child_still_has_it_ignored()
    {
        // With SIGCHLD ignored (which survives exec) the kernel would reap init's children itself; init takes
        // it back to its default for itself only.
        using var exit = InitProcess.Start(Mode.Subreaper, ["sh", "-c", "exit 7"], null, [Artifacts.Probe, "parent", "-i", "17", "--"]);
        Assert.Equal(7, exit.WaitForExit());

        using var status = InitProcess.Start(Mode.Subreaper, [Artifacts.Probe, "status"], null, [Artifacts.Probe, "parent", "-i", "17", "--"]);
        Assert.Equal(0, status.WaitForExit());
        Assert.Contains($"SigIgn:\t{1UL << 16:x16}", status.Output);
    }

    private static string Line(string output, string field) =>
        output.Split('\n').Single(l => l.StartsWith(field, StringComparison.Ordinal));

    private static int ChildOf(InitProcess run) => ProcFs.Descendants(run.InitPid).Single(s => s.Comm == "probe").Pid;
}
