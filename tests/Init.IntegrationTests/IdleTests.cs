using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>The tini model underneath: every signal init waits for is blocked in all its threads (none is
/// handled), there are at most two threads, and idle init does not wake up.</summary>
public class IdleTests
{
    /// <summary>Never blocked: KILL STOP, the fault signals the runtime owns, PIPE, glibc's 32 and 33, SIGRTMIN.</summary>
    private static readonly int[] NeverBlocked = [4, 5, 6, 7, 8, 9, 11, 13, 19, 31, 32, 33, SIGRTMIN];

    [Theory]
    [InlineData(Mode.Pid1)]
    [InlineData(Mode.PtyPid1)]
    public void Every_forwarded_signal_and_sigchld_is_blocked_in_every_thread_and_none_is_handled(Mode mode)
    {
        using var run = InitProcess.Start(mode, Artifacts.Probe, "signals");
        run.WaitForReady();
        foreach (var task in Directory.GetDirectories($"/proc/{run.InitPid}/task"))
        {
            var tid = int.Parse(Path.GetFileName(task), System.Globalization.CultureInfo.InvariantCulture);
            var blocked = ProcFs.StatusMask(tid, "SigBlk");
            for (var signal = 1; signal <= SIGRTMAX; signal++)
            {
                Assert.True(ProcFs.Has(blocked, signal) != NeverBlocked.Contains(signal), $"thread {tid}: signal {signal}, SigBlk {blocked:x16}");
            }
        }
        var caught = ProcFs.StatusMask(run.InitPid, "SigCgt");
        foreach (var signal in new[] { SIGHUP, SIGINT, SIGTERM, SIGCHLD, SIGUSR1, SIGWINCH, SIGRTMIN + 1 })
        {
            Assert.False(ProcFs.Has(caught, signal), $"signal {signal} has a handler: SigCgt {caught:x16}");
        }
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Idle_with_one_child_it_has_at_most_two_threads_and_does_not_wake_up()
    {
        using var run = InitProcess.Start(Mode.Pid1, Artifacts.Probe, "signals");
        run.WaitForReady();
        var threads = Directory.GetDirectories($"/proc/{run.InitPid}/task");
        Assert.True(threads.Length <= 2, $"{threads.Length} threads");

        // Asleep in its one wait (state S in every thread), so the count starts from a wait already entered.
        ProcFs.WaitUntil(() => Directory.GetDirectories($"/proc/{run.InitPid}/task")
            .All(t => ProcFs.ReadStat(int.Parse(Path.GetFileName(t), System.Globalization.CultureInfo.InvariantCulture))?.State == 'S'),
            "every thread of init is asleep");
        var before = ContextSwitches(run.InitPid);
        ProcFs.WaitUntil(() => run.Elapsed > TimeSpan.FromSeconds(3), "3 s have passed");
        Assert.Equal(before, ContextSwitches(run.InitPid));
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    /// <summary>Voluntary context switches of every thread: each wake-up from a wait adds one.</summary>
    private static long ContextSwitches(int pid) =>
        Directory.GetDirectories($"/proc/{pid}/task").Sum(task => File.ReadLines(Path.Combine(task, "status"))
            .Where(l => l.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal))
            .Sum(l => long.Parse(l.Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)));
}
