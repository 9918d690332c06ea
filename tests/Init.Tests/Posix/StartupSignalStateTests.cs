using Init.Posix;
using Xunit;

namespace Init.Tests.Posix;

public class StartupSignalStateTests
{
    [Fact]
    public void IgnoredSignalsAreLeftOutOthersIncluded()
    {
        var startup = new StartupSignalState { Ignored = SignalSet.Of([1, 2, 28, 35, 64]) };

        var defaults = startup.DefaultsForChild(64);

        for (var signal = 1; signal <= 64; signal++)
        {
            Assert.Equal(signal is not (1 or 2 or 28 or 35 or 64), defaults.Contains(signal));
        }
    }

    [Fact]
    public void NothingAboveMaxSignal()
    {
        var defaults = new StartupSignalState().DefaultsForChild(64);

        Assert.Equal(64, Enumerable.Range(1, 1024).Count(defaults.Contains));
        Assert.False(defaults.Contains(65));
    }

    [Fact]
    public void NothingIgnoredMeansEverySignalUpToMax()
    {
        var defaults = new StartupSignalState().DefaultsForChild(31);

        Assert.Equal(Enumerable.Range(1, 31), Enumerable.Range(1, 64).Where(defaults.Contains));
    }

    [Fact]
    public void IgnoredFromProcStatus()
    {
        // SigIgn as /proc prints it: SIGINT (2) and SIGQUIT (3) ignored, e.g. by a shell's `cmd &`.
        var startup = new StartupSignalState { Ignored = SignalSet.FromProcMask(0x6) };

        var defaults = startup.DefaultsForChild(64);

        Assert.False(defaults.Contains(2));
        Assert.False(defaults.Contains(3));
        Assert.True(defaults.Contains(1));
        Assert.True(defaults.Contains(15));
        Assert.Equal(62, Enumerable.Range(1, 64).Count(defaults.Contains));
    }

    [Fact]
    public void MaskIsNotConsulted()
    {
        var startup = new StartupSignalState { Mask = SignalSet.Of([15]) };

        Assert.True(startup.DefaultsForChild(64).Contains(15));
    }
}
