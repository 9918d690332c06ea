using System.Collections.Immutable;
using Init.Signals;
using Xunit;

namespace Init.Tests.Signals;

public class SignalRoutingTests
{
    private static SignalRewriteMap Rewrites(params (int From, int To)[] pairs) =>
        new(pairs.ToImmutableDictionary(p => p.From, p => p.To));

    [Theory]
    [InlineData(15, nameof(SignalRoute.Shutdown))]
    [InlineData(2, nameof(SignalRoute.Shutdown))]
    [InlineData(1, nameof(SignalRoute.Forward))]
    [InlineData(3, nameof(SignalRoute.Forward))]
    [InlineData(10, nameof(SignalRoute.Forward))]
    [InlineData(28, nameof(SignalRoute.Forward))]
    [InlineData(35, nameof(SignalRoute.Forward))]
    [InlineData(64, nameof(SignalRoute.Forward))]
    [InlineData(18, nameof(SignalRoute.Continue))]
    [InlineData(20, nameof(SignalRoute.JobControlStop))]
    [InlineData(21, nameof(SignalRoute.JobControlStop))]
    [InlineData(22, nameof(SignalRoute.JobControlStop))]
    public void Without_rewrites_each_signal_keeps_its_meaning(int signal, string expected)
    {
        var routed = SignalRouting.Route(signal, SignalRewriteMap.Empty);

        Assert.Equal(new RoutedSignal(Enum.Parse<SignalRoute>(expected), signal, signal), routed);
    }

    [Fact]
    public void Term_rewritten_to_quit_is_still_a_shutdown_that_sends_quit()
    {
        Assert.Equal(new RoutedSignal(SignalRoute.Shutdown, 15, 3), SignalRouting.Route(15, Rewrites((15, 3))));
    }

    [Fact]
    public void A_signal_rewritten_to_term_starts_the_shutdown()
    {
        Assert.Equal(SignalRoute.Shutdown, SignalRouting.Route(10, Rewrites((10, 15))).Route);
    }

    [Fact]
    public void A_rewrite_to_zero_drops()
    {
        Assert.Equal(SignalRoute.Drop, SignalRouting.Route(10, Rewrites((10, 0))).Route);
        Assert.Equal(SignalRoute.Drop, SignalRouting.Route(15, Rewrites((15, 0))).Route);
    }

    [Fact]
    public void A_rewrite_to_a_stop_signal_is_job_control_and_to_cont_is_a_continue()
    {
        Assert.Equal(new RoutedSignal(SignalRoute.JobControlStop, 10, 20), SignalRouting.Route(10, Rewrites((10, 20))));
        Assert.Equal(new RoutedSignal(SignalRoute.Continue, 12, 18), SignalRouting.Route(12, Rewrites((12, 18))));
    }

    [Fact]
    public void Job_control_stop_rewritten_to_something_else_is_forwarded_as_that()
    {
        Assert.Equal(new RoutedSignal(SignalRoute.Forward, 20, 10), SignalRouting.Route(20, Rewrites((20, 10))));
    }
}
