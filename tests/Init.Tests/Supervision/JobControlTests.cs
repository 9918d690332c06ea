using Init.Options;
using Init.Processes;
using Xunit;
using static Init.Tests.Supervision.SupervisorFixture;

namespace Init.Tests.Supervision;

/// <summary>dumb-init's job control: pass the stop on, stop init too unless it is PID 1; CONT hands the terminal back.</summary>
public class JobControlTests
{
    [Fact]
    public void Tstp_stops_the_whole_group_and_then_init_when_not_pid_1()
    {
        var f = new SupervisorFixture(isPid1: false);
        f.Start();
        f.TakeActions();

        f.Signal(Tstp);

        Assert.Equal([$"killpg {f.Pid("main")} {Stop}", "stop self"], f.TakeActions());
    }

    [Fact]
    public void As_pid_1_init_never_stops_itself()
    {
        var f = new SupervisorFixture(isPid1: true);
        f.Start();
        f.TakeActions();

        f.Signal(Tstp);

        Assert.Equal([$"killpg {f.Pid("main")} {Stop}"], f.TakeActions());
    }

    [Fact]
    public void With_single_child_the_stop_signal_itself_goes_to_the_child()
    {
        var f = new SupervisorFixture(WithSidecars() with { SignalTarget = SignalTarget.Child }, isPid1: false);
        f.Start();
        f.TakeActions();

        f.Signal(Tstp);

        Assert.Equal([$"kill {f.Pid("main")} {Tstp}", "stop self"], f.TakeActions());
    }

    [Fact]
    public void Cont_gives_the_terminal_back_then_is_forwarded()
    {
        var f = new SupervisorFixture(isPid1: false);
        f.Start();
        f.TakeActions();

        f.Signal(Cont);

        Assert.Equal([$"terminal {f.Pid("main")}", $"killpg {f.Pid("main")} {Cont}"], f.TakeActions());
    }

    [Fact]
    public void A_child_stopped_from_the_terminal_stops_init_once()
    {
        var f = new SupervisorFixture(isPid1: false);
        f.Start();
        f.TakeActions();
        var main = f.Pid("main");
        f.Processes.Stopped.Add(main);

        f.Supervisor.OnChild(ChildEvent.Stopped(main, Tstp));
        f.Supervisor.OnChild(ChildEvent.Stopped(main, Tstp));
        Assert.Equal(["stop self"], f.TakeActions());

        f.Signal(Cont);
        f.TakeActions();
        f.Supervisor.OnChild(ChildEvent.Stopped(main, Tstp));
        Assert.Equal(["stop self"], f.TakeActions());
    }

    [Fact]
    public void A_stop_already_undone_when_it_is_reaped_is_ignored()
    {
        var f = new SupervisorFixture(isPid1: false);
        f.Start();
        f.TakeActions();

        f.Supervisor.OnChild(ChildEvent.Stopped(f.Pid("main"), Tstp));

        Assert.Empty(f.TakeActions());
    }

    [Fact]
    public void Other_signals_go_to_the_main_group_and_to_sidecars_that_asked()
    {
        var f = new SupervisorFixture(WithSidecars(Sidecar("a") with { ForwardSignals = true }, Sidecar("b")));
        f.Start();
        f.TakeActions();

        f.Signal(Usr1);

        Assert.Equal([$"killpg {f.Pid("main")} {Usr1}", $"killpg {f.Pid("a")} {Usr1}"], f.TakeActions());
    }
}
