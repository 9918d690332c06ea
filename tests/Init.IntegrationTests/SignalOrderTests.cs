using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>One thread reads every signal from a signalfd in turn, so signals are passed on in arrival order.</summary>
public class SignalOrderTests
{
    [Theory]
    [InlineData(Mode.Pid1)]
    [InlineData(Mode.Subreaper)]
    public void Usr1_then_usr2_one_millisecond_apart_arrive_in_order_every_time(Mode mode)
    {
        const int pairs = 50;
        using var run = InitProcess.Start(mode, Artifacts.Probe, "signals");
        var pid = run.WaitForReady();
        for (var i = 0; i < pairs; i++)
        {
            run.Signal(SIGUSR1);
            Thread.Sleep(1);
            run.Signal(SIGUSR2);
            // The next pair only once both arrived: the probe's own delivery may merge two pending signals.
            Assert.Equal($"signal {SIGUSR1} pid={pid}", run.WaitForLine(l => l.StartsWith("signal ", StringComparison.Ordinal)));
            Assert.Equal($"signal {SIGUSR2} pid={pid}", run.WaitForLine(l => l.StartsWith("signal ", StringComparison.Ordinal)));
        }
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }
}
