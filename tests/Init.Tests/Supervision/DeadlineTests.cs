using Init.Options;
using Init.Processes;
using Init.Supervision;
using Xunit;
using static Init.Tests.Supervision.SupervisorFixture;

namespace Init.Tests.Supervision;

/// <summary>The one list of deadlines: what is due when, and that firing a rule always moves it on.</summary>
public class DeadlineTests
{
    [Fact]
    public void Idle_with_no_timed_rule_there_is_no_deadline()
    {
        var f = new SupervisorFixture();
        f.Start();

        Assert.Null(Deadlines.Next(f.Supervisor));
    }

    [Fact]
    public void A_silent_watchdog_kills_the_process_and_then_counts_from_the_kill()
    {
        var f = new SupervisorFixture(WithSidecars() with { MainWatchdog = TimeSpan.FromSeconds(1) });
        f.Start();
        f.TakeActions();
        var start = f.Clock.Now;
        Assert.Equal(start + TimeSpan.FromSeconds(1), Deadlines.Next(f.Supervisor));

        f.Supervisor.OnNotify(f.Pid("main"), "WATCHDOG=1");
        f.Clock.Advance(TimeSpan.FromMilliseconds(600));
        f.Supervisor.OnNotify(f.Pid("main"), "WATCHDOG=1");
        Assert.Empty(f.Elapse(TimeSpan.FromMilliseconds(900)));

        Assert.Equal([Rule.Watchdog], f.Elapse(TimeSpan.FromMilliseconds(200)));
        Assert.Equal([$"killpg {f.Pid("main")} {Kill}"], f.TakeActions());
        Assert.Equal(f.Clock.Now + TimeSpan.FromSeconds(1), Deadlines.Next(f.Supervisor));
    }

    [Fact]
    public void The_watchdog_does_not_apply_once_the_shutdown_has_begun()
    {
        // The first spin: a main process draining after SIGTERM stops pinging; the wait counted the watchdog
        // but no rule acted on it, so the wait went negative until the kill timeout.
        var f = new SupervisorFixture(WithSidecars() with { MainWatchdog = TimeSpan.FromSeconds(1), KillTimeout = TimeSpan.FromSeconds(5) });
        f.Start();
        f.Signal(Term);

        Assert.Equal(f.Clock.Now + TimeSpan.FromSeconds(5), Deadlines.Next(f.Supervisor));
        Assert.Empty(f.Elapse(TimeSpan.FromSeconds(4)));
        Assert.Equal([Rule.StopTimeout], f.Elapse(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_required_sidecar_not_ready_in_time_stops_everything_and_its_timeout_stops_applying()
    {
        // The second spin: after giving up, the sidecar took seconds to stop while the ready timeout stayed due.
        var db = Sidecar("db") with
        {
            Required = true, Ready = new Readiness.Notify(), ReadyTimeout = TimeSpan.FromSeconds(2),
            StopTimeout = TimeSpan.FromSeconds(4),
        };
        var f = new SupervisorFixture(WithSidecars(db));
        f.Start();
        Assert.Equal(["spawn db 100"], f.TakeActions());
        Assert.Equal(InitPhase.Starting, f.Supervisor.Phase);

        Assert.Equal([Rule.ReadyTimeout], f.Elapse(TimeSpan.FromSeconds(2)));
        Assert.Equal(InitPhase.Stopping, f.Supervisor.Phase);
        Assert.Equal([$"killpg 100 {Term}"], f.TakeActions());
        Assert.Equal(f.Clock.Now + TimeSpan.FromSeconds(4), Deadlines.Next(f.Supervisor));
        Assert.Empty(f.Elapse(TimeSpan.FromSeconds(3)));

        f.Exit("db", ExitStatus.KilledBy(Term));
        Assert.Equal(InitPhase.Done, f.Supervisor.Phase);
        Assert.Equal(1, f.Supervisor.ExitCode());
    }

    [Fact]
    public void A_polled_readiness_check_repeats_until_it_passes_and_then_stops()
    {
        var f = new SupervisorFixture(WithSidecars() with { MainReady = new Readiness.Tcp(8080) });
        f.Start();

        Assert.Equal([Rule.ReadinessPoll], f.Elapse(Deadlines.ReadinessPollInterval));
        Assert.Equal([Rule.ReadinessPoll], f.Elapse(Deadlines.ReadinessPollInterval));
        f.Processes.ReadyNow = true;
        Assert.Equal([Rule.ReadinessPoll], f.Elapse(Deadlines.ReadinessPollInterval));

        Assert.True(f.Supervisor.Main.Ready);
        Assert.Null(Deadlines.Next(f.Supervisor));
    }

    [Fact]
    public void During_the_shutdown_delay_only_its_end_is_due()
    {
        var f = new SupervisorFixture(WithSidecars(Sidecar("w") with { Watchdog = TimeSpan.FromSeconds(1) }) with
        {
            ShutdownDelay = TimeSpan.FromSeconds(10), MainReady = new Readiness.Tcp(1),
        });
        f.Start();
        f.Signal(Term);

        Assert.Equal([Rule.ShutdownDelayOver], Deadlines.All(f.Supervisor).Select(d => d.Rule));
    }

    [Fact]
    public void A_lingering_group_is_polled_and_every_poll_moves_the_deadline_on()
    {
        var f = new SupervisorFixture();
        f.Start();
        var main = f.Pid("main");
        f.Supervisor.OnChild(ChildEvent.Exited(main, ExitStatus.Exited(0)));
        f.Supervisor.Settle();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal([Rule.GroupPoll], f.Elapse(Deadlines.GroupPollInterval));
        }
        f.Processes.LiveGroups.Remove(main);
        Assert.Equal([Rule.GroupPoll], f.Elapse(Deadlines.GroupPollInterval));
        Assert.Equal(InitPhase.Done, f.Supervisor.Phase);
    }

    /// <summary>Whatever the state, once the due rules have fired nothing is due at the same instant.</summary>
    [Fact]
    public void After_firing_nothing_is_still_due()
    {
        var spec = Sidecar("s") with
        {
            Watchdog = TimeSpan.FromMilliseconds(300), Ready = new Readiness.FileExists("/nowhere"), Required = true,
            ReadyTimeout = TimeSpan.FromSeconds(5), Restart = RestartPolicy.Sidecar with { InitialDelay = TimeSpan.FromMilliseconds(250) },
        };
        var f = new SupervisorFixture(WithSidecars(spec) with { KillTimeout = TimeSpan.FromSeconds(3) });
        f.Start();
        for (var step = 0; step < 400 && f.Supervisor.Phase != InitPhase.Done; step++)
        {
            f.Elapse(TimeSpan.FromMilliseconds(50));
            Assert.Null(Deadlines.FirstDue(f.Supervisor, f.Clock.Now));
            if (step == 20)
            {
                f.Exit("s", ExitStatus.Exited(1));
            }
        }
        Assert.Equal(InitPhase.Done, f.Supervisor.Phase);
    }
}
