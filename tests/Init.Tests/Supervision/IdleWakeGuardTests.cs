using Init.Supervision;
using Xunit;

namespace Init.Tests.Supervision;

public class IdleWakeGuardTests
{
    [Fact]
    public void Warns_once_at_the_second_idle_wake_in_a_row()
    {
        var guard = new IdleWakeGuard();

        Assert.False(guard.ShouldWarn(false));
        Assert.True(guard.ShouldWarn(false));
        Assert.False(guard.ShouldWarn(false));
        Assert.False(guard.ShouldWarn(true));
        Assert.False(guard.ShouldWarn(false));
        Assert.False(guard.ShouldWarn(false));
    }

    [Fact]
    public void Idle_wakes_with_work_in_between_never_warn()
    {
        var guard = new IdleWakeGuard();

        for (var i = 0; i < 10; i++)
        {
            Assert.False(guard.ShouldWarn(false));
            Assert.False(guard.ShouldWarn(true));
        }
    }

    [Theory]
    [InlineData(null, 0, -1)]
    [InlineData(5.0, 5.0, 0)]
    [InlineData(4.0, 5.0, 0)]
    [InlineData(5.0001, 5.0, 1)]
    [InlineData(5.9999, 5.0, 1000)]
    [InlineData(100.0, 5.0, 95000)]
    public void The_wait_is_rounded_up_so_the_loop_never_wakes_before_a_deadline(double? dueSeconds, double nowSeconds, int expectedMs)
    {
        var due = dueSeconds is { } d ? TimeSpan.FromSeconds(d) : (TimeSpan?)null;

        Assert.Equal(expectedMs, EventLoop.TimeoutMs(due, TimeSpan.FromSeconds(nowSeconds)));
    }
}
