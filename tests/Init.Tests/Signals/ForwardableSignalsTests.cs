using Init.Signals;
using Xunit;

namespace Init.Tests.Signals;

public class ForwardableSignalsTests
{
    private static readonly IReadOnlyList<int> All = ForwardableSignals.All();

    [Theory]
    [InlineData("HUP")]
    [InlineData("INT")]
    [InlineData("QUIT")]
    [InlineData("USR1")]
    [InlineData("USR2")]
    [InlineData("ALRM")]
    [InlineData("TERM")]
    [InlineData("STKFLT")]
    [InlineData("CONT")]
    [InlineData("TSTP")]
    [InlineData("TTIN")]
    [InlineData("TTOU")]
    [InlineData("URG")]
    [InlineData("XCPU")]
    [InlineData("XFSZ")]
    [InlineData("VTALRM")]
    [InlineData("PROF")]
    [InlineData("WINCH")]
    [InlineData("IO")]
    [InlineData("PWR")]
    public void ForwardsNamed(string name)
    {
        Assert.True(SignalNames.TryParse(name, allowZero: false, out var signal));
        Assert.Contains(signal, All);
    }

    [Fact]
    public void ForwardsRealTimeAfterRtMin()
    {
        for (var signal = 35; signal <= 64; signal++)
        {
            Assert.Contains(signal, All);
        }
    }

    [Theory]
    [InlineData(17)] // CHLD: the reaper waits instead
    [InlineData(9)] // KILL
    [InlineData(19)] // STOP
    [InlineData(11)] // SEGV
    [InlineData(7)] // BUS
    [InlineData(8)] // FPE
    [InlineData(4)] // ILL
    [InlineData(6)] // ABRT
    [InlineData(5)] // TRAP
    [InlineData(31)] // SYS
    [InlineData(13)] // PIPE
    [InlineData(32)] // glibc-internal
    [InlineData(33)] // glibc-internal
    [InlineData(34)] // SIGRTMIN: the NativeAOT runtime's own
    [InlineData(0)]
    [InlineData(65)]
    public void NeverForwards(int signal) => Assert.DoesNotContain(signal, All);

    [Fact]
    public void ExactlyTheDocumentedSet()
    {
        int[] named = [1, 2, 3, 10, 12, 14, 15, 16, 18, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30];

        Assert.Equal([.. named, .. Enumerable.Range(35, 30)], All.Order());
    }

    [Fact]
    public void NoDuplicates() => Assert.Equal(All.Count, All.Distinct().Count());

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, true)]
    [InlineData(22, true)]
    [InlineData(19, false)]
    [InlineData(15, false)]
    public void IsJobControlStop(int signal, bool expected) =>
        Assert.Equal(expected, ForwardableSignals.IsJobControlStop(signal));

    [Theory]
    [InlineData(15, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(1, false)]
    [InlineData(9, false)]
    public void IsShutdownRequest(int signal, bool expected) =>
        Assert.Equal(expected, ForwardableSignals.IsShutdownRequest(signal));
}
