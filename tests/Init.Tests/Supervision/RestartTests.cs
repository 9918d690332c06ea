using Init.Options;
using Init.Processes;
using Init.Supervision;
using Xunit;
using static Init.Tests.Supervision.SupervisorFixture;

namespace Init.Tests.Supervision;

/// <summary>What a sidecar's exit means: a restart after its delay, staying down, or giving up.</summary>
public class RestartTests
{
    [Fact]
    public void A_sidecar_that_exits_is_restarted_after_its_delay_and_its_leftovers_are_stopped()
    {
        var f = new SupervisorFixture(WithSidecars(Sidecar("w")));
        f.Start();
        var first = f.Pid("w");
        f.TakeActions();

        f.Processes.LiveGroups.Add(first); // a child it left behind
        f.Supervisor.OnChild(ChildEvent.Exited(first, ExitStatus.Exited(1)));
        Assert.Equal([$"killpg {first} {Term}"], f.TakeActions());
        Assert.Equal(ProcessState.WaitingToRestart, f.Supervisor.Sidecars[0].State);

        Assert.Empty(f.Elapse(TimeSpan.FromMilliseconds(999)));
        Assert.Equal([Rule.Restart], f.Elapse(TimeSpan.FromMilliseconds(1)));
        Assert.Equal(["spawn w 102"], f.TakeActions());
        Assert.Equal(1, f.Supervisor.Sidecars[0].Restarts.Restarts);
    }

    [Fact]
    public void On_failure_policy_keeps_a_clean_exit_down_and_the_main_process_running()
    {
        var f = new SupervisorFixture(WithSidecars(Sidecar("w") with { Restart = RestartPolicy.Sidecar with { Mode = RestartMode.OnFailure } }));
        f.Start();

        f.Exit("w", ExitStatus.Exited(0));

        Assert.Equal(ProcessState.Down, f.Supervisor.Sidecars[0].State);
        Assert.Equal(InitPhase.Running, f.Supervisor.Phase);
        Assert.Null(Deadlines.Next(f.Supervisor));
    }

    [Fact]
    public void Giving_up_with_exit_stops_everything_with_the_sidecars_code()
    {
        var policy = RestartPolicy.Sidecar with { MaxRestarts = 1, InitialDelay = TimeSpan.Zero };
        var f = new SupervisorFixture(WithSidecars(Sidecar("w") with { Restart = policy }));
        f.Start();

        f.Exit("w", ExitStatus.Exited(3));
        f.Elapse(TimeSpan.FromMilliseconds(1));
        f.Exit("w", ExitStatus.Exited(3));

        Assert.Equal(InitPhase.Stopping, f.Supervisor.Phase);
        f.Exit("main", ExitStatus.KilledBy(Term));
        Assert.Equal(InitPhase.Done, f.Supervisor.Phase);
        Assert.Equal(3, f.Supervisor.ExitCode());
    }

    [Fact]
    public void Giving_up_with_ignore_leaves_it_down_and_the_rest_running()
    {
        var policy = RestartPolicy.Sidecar with { MaxRestarts = 0, OnGiveUp = GiveUpAction.Ignore };
        var f = new SupervisorFixture(WithSidecars(Sidecar("w") with { Restart = policy }));
        f.Start();

        f.Exit("w", ExitStatus.Exited(3));

        Assert.Equal(ProcessState.GaveUp, f.Supervisor.Sidecars[0].State);
        Assert.Equal(InitPhase.Running, f.Supervisor.Phase);
    }

    [Fact]
    public void A_restart_pending_when_the_shutdown_begins_never_happens()
    {
        var f = new SupervisorFixture(WithSidecars(Sidecar("w")));
        f.Start();
        f.Exit("w", ExitStatus.Exited(1));

        f.Signal(Term);
        f.Exit("main", ExitStatus.KilledBy(Term));

        Assert.Equal(InitPhase.Done, f.Supervisor.Phase);
        Assert.Equal(ProcessState.Down, f.Supervisor.Sidecars[0].State);
    }

    [Fact]
    public void The_main_process_waits_for_a_required_sidecar_to_be_ready()
    {
        var f = new SupervisorFixture(WithSidecars(Sidecar("db") with { Required = true, Ready = new Readiness.Notify() }));
        f.Start();
        Assert.Equal(["spawn db 100"], f.TakeActions());

        f.Supervisor.OnNotify(f.Pid("db"), "STATUS=warming up");
        f.Supervisor.Settle();
        Assert.Empty(f.TakeActions());

        f.Supervisor.OnNotify(f.Pid("db"), "READY=1");
        f.Supervisor.Settle();
        Assert.Equal(["spawn main 101"], f.TakeActions());
        Assert.Equal(InitPhase.Running, f.Supervisor.Phase);
        Assert.Equal("warming up", f.Supervisor.Sidecars[0].StatusText);
    }

    [Theory]
    [InlineData(Term, 143)]
    [InlineData(Int, 130)]
    public void A_stop_signal_while_waiting_for_a_required_sidecar_exits_as_a_signal_shutdown(int signal, int expected)
    {
        var f = new SupervisorFixture(WithSidecars(Sidecar("db") with { Required = true, Ready = new Readiness.Notify() }));
        f.Start();
        Assert.Equal(["spawn db 100"], f.TakeActions());

        f.Signal(signal);
        Assert.Equal([$"killpg 100 {Term}"], f.TakeActions());
        f.Exit("db", ExitStatus.KilledBy(Term));

        Assert.Equal(InitPhase.Done, f.Supervisor.Phase);
        Assert.Equal(0, f.Supervisor.Main.Pid);
        Assert.Equal(expected, f.Supervisor.ExitCode());
    }

    [Fact]
    public void A_stop_signal_before_the_main_process_ran_counts_as_its_code_for_success_codes()
    {
        var options = WithSidecars(Sidecar("db") with { Required = true, Ready = new Readiness.Notify() }) with
        {
            SuccessExitCodes = new HashSet<int> { 143 },
        };
        var f = new SupervisorFixture(options);
        f.Start();
        f.Signal(Term);
        f.Exit("db", ExitStatus.KilledBy(Term));
        Assert.Equal(0, f.Supervisor.ExitCode());
    }

    [Fact]
    public void Once_the_main_process_ran_its_own_code_is_the_exit_code_after_a_sigterm()
    {
        var f = new SupervisorFixture(WithSidecars(Sidecar("db") with { Required = true }));
        f.Start();
        f.Signal(Term);
        f.Exit("main", ExitStatus.Exited(0));
        f.Exit("db", ExitStatus.Exited(0));
        Assert.Equal(0, f.Supervisor.ExitCode());
    }
}
