using Init.Posix;
using Init.Signals;
using Mono.Unix.Native;
using Xunit;

namespace Init.Tests.Signals;

public class SignalNamesTests
{
    [Fact]
    public void RealTimeRangeIsGlibcs()
    {
        // glibc keeps 32 and 33 for itself, so SIGRTMIN is 34 for programs; the kernel's _NSIG is 64.
        Assert.Equal(34, SignalNames.RtMin);
        Assert.Equal(64, SignalNames.RtMax);
    }

    [Theory]
    [InlineData("TERM", 15)]
    [InlineData("SIGTERM", 15)]
    [InlineData("sigterm", 15)]
    [InlineData("Term", 15)]
    [InlineData("15", 15)]
    [InlineData(" TERM ", 15)]
    [InlineData("HUP", 1)]
    [InlineData("INT", 2)]
    [InlineData("QUIT", 3)]
    [InlineData("KILL", 9)]
    [InlineData("USR1", 10)]
    [InlineData("USR2", 12)]
    [InlineData("STKFLT", 16)]
    [InlineData("CHLD", 17)]
    [InlineData("CLD", 17)]
    [InlineData("CONT", 18)]
    [InlineData("STOP", 19)]
    [InlineData("TSTP", 20)]
    [InlineData("WINCH", 28)]
    [InlineData("IO", 29)]
    [InlineData("POLL", 29)]
    [InlineData("IOT", 6)]
    [InlineData("PWR", 30)]
    [InlineData("SYS", 31)]
    [InlineData("1", 1)]
    [InlineData("64", 64)]
    [InlineData("RTMIN", 34)]
    [InlineData("SIGRTMIN", 34)]
    [InlineData("RTMIN+3", 37)]
    [InlineData("SIGRTMIN+3", 37)]
    [InlineData("rtmin+1", 35)]
    [InlineData("RTMIN+30", 64)]
    [InlineData("RTMAX", 64)]
    [InlineData("RTMAX-1", 63)]
    [InlineData("RTMAX-30", 34)]
    public void Parses(string text, int expected)
    {
        Assert.True(SignalNames.TryParse(text, allowZero: false, out var signal));
        Assert.Equal(expected, signal);
    }

    [Theory]
    [InlineData("RTMIN-1")]
    [InlineData("RTMAX+1")]
    [InlineData("RTMIN+31")]
    [InlineData("RTMAX-31")]
    [InlineData("RTMIN+")]
    [InlineData("RTMIN+x")]
    [InlineData("RTMIN+-1")]
    [InlineData("RTMINIMUM")]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("32")]
    [InlineData("33")]
    [InlineData("-1")]
    [InlineData("+15")]
    [InlineData("FOO")]
    [InlineData("SIG")]
    [InlineData("SIGSIGTERM")]
    [InlineData("TERM15")]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejects(string text) => Assert.False(SignalNames.TryParse(text, allowZero: false, out _));

    [Fact]
    public void ZeroOnlyWhenAllowed()
    {
        Assert.False(SignalNames.TryParse("0", allowZero: false, out _));
        Assert.True(SignalNames.TryParse("0", allowZero: true, out var signal));
        Assert.Equal(0, signal);
        Assert.False(SignalNames.TryParse("65", allowZero: true, out _));
    }

    [Theory]
    [InlineData(15, "SIGTERM")]
    [InlineData(1, "SIGHUP")]
    [InlineData(9, "SIGKILL")]
    [InlineData(6, "SIGABRT")]
    [InlineData(17, "SIGCHLD")]
    [InlineData(29, "SIGIO")]
    [InlineData(31, "SIGSYS")]
    [InlineData(34, "SIGRTMIN")]
    [InlineData(35, "SIGRTMIN+1")]
    [InlineData(64, "SIGRTMIN+30")]
    [InlineData(32, "32")]
    [InlineData(33, "33")]
    [InlineData(65, "65")]
    [InlineData(0, "0")]
    public void Name(int signal, string expected) => Assert.Equal(expected, SignalNames.Name(signal));

    [Fact]
    public void EveryNameParsesBackToItsNumber()
    {
        for (var signal = 1; signal <= SignalNames.RtMax; signal++)
        {
            if (signal is 32 or 33)
            {
                continue;
            }
            var name = SignalNames.Name(signal);
            Assert.True(SignalNames.TryParse(name, allowZero: false, out var parsed), name);
            Assert.Equal(signal, parsed);
        }
    }

    [Fact]
    public void NumbersComeFromThePlatform()
    {
        Assert.Equal(15, SignalNumbers.Term);
        Assert.Equal(17, SignalNumbers.Chld);
        Assert.Equal(9, SignalNumbers.Number("KILL"));
        Assert.Throws<ArgumentException>(() => SignalNumbers.Number("NOPE"));
    }
}
