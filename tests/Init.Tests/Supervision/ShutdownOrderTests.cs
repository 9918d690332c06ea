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
        Assert.Equal([$"killpg 102 {Term}", $"killpg 102 {Cont}"], f.TakeActions());

        f.Exit("main", ExitStatus.KilledBy(Term));
        Assert.Equal([$"killpg 101 {Quit}", $"killpg 101 {Cont}"], f.TakeActions());

        f.Exit("b", ExitStatus.Exited(0));
        Assert.Equal([$"killpg 100 {Term}", $"killpg 100 {Cont}"], f.TakeActions());

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

        f.Supervisor.OnChild(new ChildExited(main, ExitStatus.Exited(3)));
        f.Supervisor.Settle();
        Assert.Equal([$"killpg {main} {Term}", $"killpg {main} {Cont}"], f.TakeActions());

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
        f.Supervisor.OnChild(new ChildExited(f.Pid("main"), ExitStatus.KilledBy(Term)));
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
        Assert.Equal([$"killpg {f.Pid("main")} {Term}", $"killpg {f.Pid("main")} {Cont}"], f.TakeActions());
    }

    [Fact]
    public void A_second_sigterm_cuts_the_shutdown_delay_short_and_forwarding_during_it_is_not_repeated()
    {
        var f = new SupervisorFixture(WithSidecars() with { ShutdownDelay = TimeSpan.FromSeconds(30), ForwardDuringDelay = true });
        f.Start();
        f.TakeActions();

        f.Signal(Term);
        Assert.Equal([$"killpg {f.Pid("main")} {Term}", $"killpg {f.Pid("main")} {Cont}"], f.TakeActions());

        f.Signal(Term);
        Assert.Equal(InitPhase.Stopping, f.Supervisor.Phase);
        Assert.Empty(f.TakeActions());
    }
}
