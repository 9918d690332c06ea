using Init.Options;
using Init.Processes;
using Xunit;

namespace Init.Tests.Processes;

public class RestartTrackerTests
{
    private static readonly ExitStatus Failed = ExitStatus.Exited(1);
    private static readonly ExitStatus Succeeded = ExitStatus.Exited(0);
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static readonly RestartPolicy Policy = new()
    {
        InitialDelay = S(1), Factor = 2, MaxDelay = S(10), MinUptime = S(5), MaxRestarts = 100, Window = S(1000),
    };

    [Fact]
    public void Quick_crashes_back_off_exponentially_up_to_the_cap()
    {
        var tracker = new RestartTracker(Policy);
        var delays = Enumerable.Range(0, 6)
            .Select(i => ((RestartDecision.Restart)tracker.OnExit(Failed, S(0.1), S(i * 20))).Delay)
            .ToList();
        Assert.Equal([S(1), S(2), S(4), S(8), S(10), S(10)], delays);
        Assert.Equal(6, tracker.Restarts);
    }

    [Fact]
    public void A_run_of_min_uptime_resets_the_backoff()
    {
        var tracker = new RestartTracker(Policy);
        tracker.OnExit(Failed, S(0.1), S(0));
        tracker.OnExit(Failed, S(0.1), S(10));
        Assert.Equal(S(4), ((RestartDecision.Restart)tracker.OnExit(Failed, S(0.1), S(20))).Delay);
        Assert.Equal(S(1), ((RestartDecision.Restart)tracker.OnExit(Failed, S(5), S(30))).Delay);
        Assert.Equal(S(1), ((RestartDecision.Restart)tracker.OnExit(Failed, S(0.1), S(40))).Delay);
        Assert.Equal(S(2), ((RestartDecision.Restart)tracker.OnExit(Failed, S(0.1), S(50))).Delay);
    }

    [Fact]
    public void Too_many_restarts_within_the_window_give_up()
    {
        var tracker = new RestartTracker(Policy with { MaxRestarts = 3, Window = S(60) });
        Assert.IsType<RestartDecision.Restart>(tracker.OnExit(Failed, S(1), S(0)));
        Assert.IsType<RestartDecision.Restart>(tracker.OnExit(Failed, S(1), S(10)));
        Assert.IsType<RestartDecision.Restart>(tracker.OnExit(Failed, S(1), S(20)));
        Assert.Equal(3, Assert.IsType<RestartDecision.GiveUp>(tracker.OnExit(Failed, S(1), S(30))).RestartsInWindow);
    }

    [Fact]
    public void Restarts_older_than_the_window_no_longer_count()
    {
        var tracker = new RestartTracker(Policy with { MaxRestarts = 2, Window = S(60) });
        tracker.OnExit(Failed, S(1), S(0));
        tracker.OnExit(Failed, S(1), S(30));
        Assert.IsType<RestartDecision.GiveUp>(tracker.OnExit(Failed, S(1), S(50)));
        Assert.IsType<RestartDecision.Restart>(tracker.OnExit(Failed, S(1), S(61)));
    }

    [Theory]
    [InlineData("Always", 0, true)]
    [InlineData("Always", 1, true)]
    [InlineData("OnFailure", 0, false)]
    [InlineData("OnFailure", 3, true)]
    [InlineData("Never", 1, false)]
    public void The_mode_decides_which_exits_restart(string mode, int code, bool restarts)
    {
        var decision = new RestartTracker(Policy with { Mode = Enum.Parse<RestartMode>(mode) }).OnExit(ExitStatus.Exited(code), S(1), S(0));
        Assert.Equal(restarts, decision is RestartDecision.Restart);
    }

    [Fact]
    public void On_failure_restarts_a_death_by_signal()
    {
        var decision = new RestartTracker(Policy with { Mode = RestartMode.OnFailure }).OnExit(ExitStatus.KilledBy(9), S(1), S(0));
        Assert.IsType<RestartDecision.Restart>(decision);
        Assert.IsType<RestartDecision.Stay>(new RestartTracker(Policy with { Mode = RestartMode.OnFailure }).OnExit(Succeeded, S(1), S(0)));
    }
}
