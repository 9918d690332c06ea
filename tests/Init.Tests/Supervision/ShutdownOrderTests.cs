using Init.Options;
using Init.Processes;
using Init.Supervision;
using Xunit;
using static Init.Tests.Supervision.SupervisorFixture;

namespace Init.Tests.Supervision;

public class ShutdownOrderTests
{
    [Fact]
    public void Sigterm_goes_to_the_main_group_with_cont_then_sidecars_stop_in_reverse_order()
    {
        var f = new SupervisorFixture(WithSidecars(Sidecar("a"), Sidecar("b") with { StopSignal = Quit }));
        f.Start();
        Assert.Equal(["spawn a 100", "spawn b 101", "spawn main 102"], f.TakeActions());

        f.Signal(Term);
        Assert.Equal(InitPhase.Stopping, f.Supervisor.Phase);
        Assert.Equal([$"killpg 102 {Term}"], f.TakeActions());

        f.Exit("main", ExitStatus.KilledBy(Term));
        Assert.Equal([$"killpg 101 {Quit}"], f.TakeActions());

        f.Exit("b", ExitStatus.Exited(0));
        Assert.Equal([$"killpg 100 {Term}"], f.TakeActions());

        f.Exit("a", ExitStatus.Exited(0));
        Assert.Equal(InitPhase.Done, f.Supervisor.Phase);
        Assert.Equal(143, f.Supervisor.ExitCode());
    }

    [Fact]
    public void Main_ending_by_itself_stops_what_it_left_in_its_group_then_the_kill_timeout_kills_it()
    {
        var f = new SupervisorFixture(WithSidecars() with { KillTimeout = TimeSpan.FromSeconds(5) });
        f.Start();
        f.TakeActions();
        var main = f.Pid("main");

        f.Supervisor.OnChild(ChildEvent.Exited(main, ExitStatus.Exited(3)));
        f.Supervisor.Settle();
        Assert.Equal([$"killpg {main} {Term}"], f.TakeActions());

        Assert.Empty(f.Elapse(TimeSpan.FromMilliseconds(100)));
        Assert.Contains(Rule.StopTimeout, f.Elapse(TimeSpan.FromSeconds(5)));
        Assert.Equal([$"killpg {main} {Kill}", $"killall {Kill}"], f.TakeActions());

        f.Processes.LiveGroups.Remove(main);
        f.Elapse(Deadlines.GroupPollInterval);
        Assert.Equal(InitPhase.Done, f.Supervisor.Phase);
        Assert.Equal(3, f.Supervisor.ExitCode());
    }

    [Fact]
    public void A_group_that_never_empties_is_given_up_on_after_the_kill_grace()
    {
        var f = new SupervisorFixture(WithSidecars() with { KillTimeout = TimeSpan.FromSeconds(1) });
        f.Start();
        f.Signal(Term);
        f.Supervisor.OnChild(ChildEvent.Exited(f.Pid("main"), ExitStatus.KilledBy(Term)));
        f.Supervisor.Settle();

        f.Elapse(TimeSpan.FromSeconds(1));
        Assert.Equal(InitPhase.Stopping, f.Supervisor.Phase);
        f.Elapse(Deadlines.KillGrace);
        Assert.Equal(InitPhase.Done, f.Supervisor.Phase);
    }

    [Fact]
    public void A_second_sigterm_goes_to_the_process_being_stopped()
    {
        var f = new SupervisorFixture(WithSidecars(Sidecar("a")));
        f.Start();
        f.Signal(Term);
        f.Exit("main", ExitStatus.Exited(0));
        f.TakeActions();

        f.Signal(Int);

        Assert.Equal([$"killpg {f.Pid("a")} {Int}"], f.TakeActions());
    }

    [Fact]
    public void As_subreaper_the_kill_timeout_kills_only_the_group()
    {
        var f = new SupervisorFixture(WithSidecars() with { KillTimeout = TimeSpan.FromSeconds(1) }, isPid1: false);
        f.Start();
        f.Signal(Term);
        f.TakeActions();

        f.Elapse(TimeSpan.FromSeconds(1));

        Assert.Equal([$"killpg {f.Pid("main")} {Kill}"], f.TakeActions());
    }

    [Fact]
    public void The_shutdown_delay_keeps_everything_running_then_stops()
    {
        var f = new SupervisorFixture(WithSidecars() with { ShutdownDelay = TimeSpan.FromSeconds(3) });
        f.Start();
        f.TakeActions();

        f.Signal(Term);
        Assert.Equal(InitPhase.Delaying, f.Supervisor.Phase);
        Assert.Empty(f.TakeActions());

        Assert.Equal([Rule.ShutdownDelayOver], f.Elapse(TimeSpan.FromSeconds(3)));
        Assert.Equal(InitPhase.Stopping, f.Supervisor.Phase);
        Assert.Equal([$"killpg {f.Pid("main")} {Term}"], f.TakeActions());
    }

    [Fact]
    public void A_second_sigterm_cuts_the_shutdown_delay_short_and_forwarding_during_it_is_not_repeated()
    {
        var f = new SupervisorFixture(WithSidecars() with { ShutdownDelay = TimeSpan.FromSeconds(30), ForwardDuringDelay = true });
        f.Start();
        f.TakeActions();

        f.Signal(Term);
        Assert.Equal([$"killpg {f.Pid("main")} {Term}"], f.TakeActions());

        f.Signal(Term);
        Assert.Equal(InitPhase.Stopping, f.Supervisor.Phase);
        Assert.Empty(f.TakeActions());
    }

    [Fact]
    public void Only_a_stopped_process_gets_sigcont_after_the_stop_signal()
    {
        // A SIGCONT nobody sent is a signal the child would not see under tini: only a stopped process needs one
        // to act on SIGTERM.
        var running = new SupervisorFixture();
        running.Start();
        running.TakeActions();
        running.Signal(Term);
        Assert.Equal([$"killpg {running.Pid("main")} {Term}"], running.TakeActions());

        var stopped = new SupervisorFixture();
        stopped.Start();
        stopped.TakeActions();
        stopped.Processes.Stopped.Add(stopped.Pid("main"));
        stopped.Signal(Term);
        Assert.Equal([$"killpg {stopped.Pid("main")} {Term}", $"kill {stopped.Pid("main")} {Cont}"], stopped.TakeActions());
    }

    [Fact]
    public void With_single_child_a_stopped_child_gets_sigcont_alone()
    {
        var f = new SupervisorFixture(WithSidecars() with { SignalTarget = SignalTarget.Child });
        f.Start();
        f.TakeActions();
        f.Processes.Stopped.Add(f.Pid("main"));

        f.Signal(Term);

        Assert.Equal([$"kill {f.Pid("main")} {Term}", $"kill {f.Pid("main")} {Cont}"], f.TakeActions());
    }

    [Fact]
    public void With_single_child_and_not_pid_1_what_the_main_process_left_is_left_alone()
    {
        // dumb-init --single-child: only the direct child is signalled, and at its exit init exits.
        var f = new SupervisorFixture(WithSidecars() with { SignalTarget = SignalTarget.Child }, isPid1: false);
        f.Start();
        f.TakeActions();
        var main = f.Pid("main");

        f.Supervisor.OnChild(ChildEvent.Exited(main, ExitStatus.Exited(5)));
        f.Supervisor.Settle();

        Assert.Empty(f.TakeActions());
        Assert.Equal(InitPhase.Done, f.Supervisor.Phase);
        Assert.Equal(5, f.Supervisor.ExitCode());
    }

    [Fact]
    public void With_single_child_as_pid_1_leftovers_are_still_stopped_gracefully()
    {
        var f = new SupervisorFixture(WithSidecars() with { SignalTarget = SignalTarget.Child }, isPid1: true);
        f.Start();
        f.TakeActions();
        var main = f.Pid("main");

        f.Supervisor.OnChild(ChildEvent.Exited(main, ExitStatus.Exited(5)));
        f.Supervisor.Settle();

        Assert.Equal([$"killpg {main} {Term}"], f.TakeActions());
        Assert.Equal(InitPhase.Stopping, f.Supervisor.Phase);
    }

    [Fact]
    public void With_single_child_and_not_pid_1_the_kill_timeout_kills_the_child_alone()
    {
        var f = new SupervisorFixture(WithSidecars() with { SignalTarget = SignalTarget.Child, KillTimeout = TimeSpan.FromSeconds(1) }, isPid1: false);
        f.Start();
        f.Signal(Term);
        f.TakeActions();

        f.Elapse(TimeSpan.FromSeconds(1));

        Assert.Equal([$"kill {f.Pid("main")} {Kill}"], f.TakeActions());
    }
}
