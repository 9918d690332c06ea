using Xunit;
using Init.Options;
using Init.Processes;
using Init.Supervision;

namespace Init.Tests.Supervision;

/// <summary>
/// What init does for every signal and every reaped orphan allocates nothing (docs/design.md, "Start-up and
/// memory"): a storm of either must not grow the heap or make the GC run. Counted on this thread, in process.
/// </summary>
public sealed class HotPathAllocationTests
{
    private const int Rounds = 10_000;

    private static SupervisorFixture Running(InitOptions? options = null)
    {
        var f = new SupervisorFixture(options ?? SupervisorFixture.WithSidecars(
            SupervisorFixture.Sidecar("worker"), SupervisorFixture.Sidecar("listener") with { ForwardSignals = true }));
        f.Start();
        f.Processes.RecordSignals = false;
        // Warm up: the first call of each path may fill caches (a signal's name, a delegate).
        Storm(f, 10, 1);
        return f;
    }

    /// <summary>What the loop does per wake-up: the signal or the child, then the due rules and the next deadline.</summary>
    private static void Storm(SupervisorFixture f, int rounds, int firstOrphan)
    {
        for (var i = 0; i < rounds; i++)
        {
            f.Supervisor.OnSignal(SupervisorFixture.Usr1);
            f.Supervisor.OnChild(ChildEvent.Exited(firstOrphan + i, ExitStatus.Exited(0)));
            f.Supervisor.Settle();
            Assert.Null(Deadlines.FirstDue(f.Supervisor, f.Clock.Now));
            Deadlines.Next(f.Supervisor);
        }
    }

    [Fact]
    public void Forwarding_signals_and_reaping_orphans_allocate_nothing()
    {
        var f = Running();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Storm(f, Rounds, 50_000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Nor_with_signals_to_the_child_alone_or_rewritten()
    {
        var f = Running(SupervisorFixture.WithSidecars() with
        {
            SignalTarget = SignalTarget.Child,
            Rewrites = SignalRewriteMapFor(SupervisorFixture.Usr1, SupervisorFixture.Usr2),
        });
        var before = GC.GetAllocatedBytesForCurrentThread();
        Storm(f, Rounds, 50_000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_count_is_not_blind()
    {
        // The same measurement sees a recording fake's one string per signal.
        var f = Running();
        f.Processes.RecordSignals = true;
        var before = GC.GetAllocatedBytesForCurrentThread();
        Storm(f, 100, 50_000);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before > 100 * 20);
    }

    private static Init.Signals.SignalRewriteMap SignalRewriteMapFor(int from, int to) =>
        Init.Signals.SignalRewriteMap.Empty.With([new(from, to)]);
}
