using Init.Options;
using Init.Processes;
using Init.Supervision;
using Xunit;
using static Init.Tests.Supervision.SupervisorFixture;

namespace Init.Tests.Supervision;

/// <summary>What the supervisor does with a TCP readiness connect that is not answered: it looks again at each
/// poll, drops it after <see cref="Deadlines.ReadinessConnectTimeout"/>, and never leaves one open once the
/// check no longer applies.</summary>
public class ReadinessCheckTests
{
    private static SupervisorFixture StartWithTcpReadiness(InitOptions? options = null)
    {
        var f = new SupervisorFixture((options ?? WithSidecars()) with { MainReady = new Readiness.Tcp(8080) });
        f.Start();
        f.TakeActions();
        f.Processes.Probe = ProbeResult.InFlight;
        return f;
    }

    private static int PollsIn(TimeSpan span) => (int)(span / Deadlines.ReadinessPollInterval);

    [Fact]
    public void A_connect_in_flight_is_looked_at_each_poll_and_dropped_after_the_connect_timeout()
    {
        var f = StartWithTcpReadiness();

        // The first poll sends it; until the timeout each poll only looks at it.
        for (var i = 0; i < PollsIn(Deadlines.ReadinessConnectTimeout); i++)
        {
            Assert.Equal([Rule.ReadinessPoll], f.Elapse(Deadlines.ReadinessPollInterval));
        }
        Assert.Empty(f.TakeActions());

        Assert.Equal([Rule.ReadinessPoll], f.Elapse(Deadlines.ReadinessPollInterval));
        Assert.Equal(["drop check main"], f.TakeActions());
        Assert.Null(f.Supervisor.Main.ReadinessInFlightSince);
        Assert.False(f.Supervisor.Main.Ready);
        // Polling goes on: the next poll sends a fresh connect, timed from then.
        Assert.Equal(f.Clock.Now + Deadlines.ReadinessPollInterval, Deadlines.Next(f.Supervisor));
        Assert.Equal([Rule.ReadinessPoll], f.Elapse(Deadlines.ReadinessPollInterval));
        Assert.Equal(f.Clock.Now, f.Supervisor.Main.ReadinessInFlightSince);
    }

    [Fact]
    public void A_connect_answered_in_time_makes_the_process_ready_and_nothing_is_dropped()
    {
        var f = StartWithTcpReadiness();
        f.Elapse(Deadlines.ReadinessPollInterval);
        f.Elapse(Deadlines.ReadinessPollInterval);

        f.Processes.Probe = ProbeResult.Ready;
        f.Elapse(Deadlines.ReadinessPollInterval);

        Assert.True(f.Supervisor.Main.Ready);
        Assert.Null(f.Supervisor.Main.ReadinessInFlightSince);
        Assert.Empty(f.TakeActions());
        Assert.Null(Deadlines.Next(f.Supervisor));
    }

    [Fact]
    public void A_refused_connect_starts_the_timeout_over()
    {
        var f = StartWithTcpReadiness();
        for (var i = 0; i < PollsIn(Deadlines.ReadinessConnectTimeout) - 1; i++)
        {
            f.Elapse(Deadlines.ReadinessPollInterval);
        }
        f.Processes.Probe = ProbeResult.NotReady;
        f.Elapse(Deadlines.ReadinessPollInterval);
        f.Processes.Probe = ProbeResult.InFlight;
        f.Elapse(Deadlines.ReadinessPollInterval);
        f.Elapse(Deadlines.ReadinessPollInterval);

        Assert.Empty(f.TakeActions());
    }

    [Fact]
    public void A_process_that_ends_with_a_connect_in_flight_has_it_dropped_before_its_restart()
    {
        var api = Sidecar("api") with { Ready = new Readiness.Tcp(9000) };
        var f = new SupervisorFixture(WithSidecars(api));
        f.Start();
        f.Processes.Probe = ProbeResult.InFlight;
        f.Elapse(Deadlines.ReadinessPollInterval);
        f.TakeActions();

        f.Exit("api", ExitStatus.Exited(1));

        Assert.Contains("drop check api", f.TakeActions());
        Assert.Null(f.Supervisor.Sidecars[0].ReadinessInFlightSince);
    }

    [Fact]
    public void The_shutdown_drops_every_connect_in_flight()
    {
        var f = StartWithTcpReadiness();
        f.Elapse(Deadlines.ReadinessPollInterval);

        f.Signal(Term);

        Assert.Equal(["drop check main", $"killpg {f.Pid("main")} {Term}"], f.TakeActions().Take(2));
    }

    [Fact]
    public void The_shutdown_delay_drops_every_connect_in_flight()
    {
        var f = StartWithTcpReadiness(WithSidecars() with { ShutdownDelay = TimeSpan.FromSeconds(5) });
        f.Elapse(Deadlines.ReadinessPollInterval);

        f.Signal(Term);

        Assert.Equal(InitPhase.Delaying, f.Supervisor.Phase);
        Assert.Equal(["drop check main"], f.TakeActions());
    }
}
