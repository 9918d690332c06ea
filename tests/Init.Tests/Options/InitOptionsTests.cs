using Init.Options;
using Xunit;

namespace Init.Tests.Options;

/// <summary>What a plain `init -- app` does not pay for: the status file and the notify socket.</summary>
public class InitOptionsTests
{
    private static readonly InitOptions Plain = new() { Command = ["app"] };

    private static ProcessSpec Sidecar(Readiness? ready = null, TimeSpan? watchdog = null) =>
        new() { Name = "w", Command = ["w"], Ready = ready ?? Readiness.OnStart, Watchdog = watchdog };

    [Fact]
    public void A_plain_init_publishes_no_status_and_opens_no_socket()
    {
        Assert.False(Plain.PublishesStatus);
        Assert.False(Plain.NeedsNotifySocket);
    }

    [Fact]
    public void Sidecars_readiness_or_a_watchdog_publish_status()
    {
        Assert.True((Plain with { Sidecars = [Sidecar()] }).PublishesStatus);
        Assert.True((Plain with { MainReady = new Readiness.Tcp(80) }).PublishesStatus);
        Assert.True((Plain with { MainWatchdog = TimeSpan.FromSeconds(5) }).PublishesStatus);
    }

    [Fact]
    public void Only_notify_readiness_or_a_watchdog_anywhere_opens_the_socket()
    {
        Assert.False((Plain with { Sidecars = [Sidecar(new Readiness.Tcp(80))] }).NeedsNotifySocket);
        Assert.False((Plain with { MainReady = new Readiness.FileExists("/tmp/ready") }).NeedsNotifySocket);
        Assert.True((Plain with { MainReady = new Readiness.Notify() }).NeedsNotifySocket);
        Assert.True((Plain with { MainWatchdog = TimeSpan.FromSeconds(5) }).NeedsNotifySocket);
        Assert.True((Plain with { Sidecars = [Sidecar(), Sidecar(new Readiness.Notify())] }).NeedsNotifySocket);
        Assert.True((Plain with { Sidecars = [Sidecar(watchdog: TimeSpan.FromSeconds(1))] }).NeedsNotifySocket);
    }
}
