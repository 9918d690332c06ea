using Init.Processes;
using Xunit;

namespace Init.Tests.Processes;

/// <summary>Raw Linux wait statuses: exit code c is <c>c &lt;&lt; 8</c>; death by signal s is <c>s</c>,
/// with 0x80 added when a core was dumped.</summary>
public class ExitStatusTests
{
    public static TheoryData<int> AllExitCodes() => [.. Enumerable.Range(0, 256)];

    [Theory]
    [MemberData(nameof(AllExitCodes))]
    public void Exited(int code)
    {
        var status = ExitStatus.FromWaitStatus(code << 8);

        Assert.False(status.Signaled);
        Assert.Equal(code, status.Code);
        Assert.Equal(0, status.Signal);
        Assert.Equal(code, status.ExitCode);
        Assert.Equal(ExitStatus.Exited(code), status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(6)]
    [InlineData(11)]
    public void KilledBySignal(int signal)
    {
        var status = ExitStatus.FromWaitStatus(signal);

        Assert.True(status.Signaled);
        Assert.Equal(signal, status.Signal);
        Assert.Equal(128 + signal, status.ExitCode);
        Assert.Equal(ExitStatus.KilledBy(signal), status);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(11)]
    public void KilledBySignalWithCoreDump(int signal)
    {
        var status = ExitStatus.FromWaitStatus(signal | 0x80);

        Assert.Equal(signal, status.Signal);
        Assert.Equal(128 + signal, status.ExitCode);
    }

    [Theory]
    [InlineData(34)]
    [InlineData(35)]
    [InlineData(50)]
    [InlineData(64)]
    public void KilledByRealTimeSignal(int signal)
    {
        // A child (or any orphan) killed by SIGRTMIN+n: this runs on the reaper thread, where a throw ends init.
        var status = ExitStatus.FromWaitStatus(signal);

        Assert.Equal(signal, status.Signal);
        Assert.Equal(128 + signal, status.ExitCode);
    }

    [Fact]
    public void ToStringSaysWhatHappened()
    {
        Assert.Equal("exit code 3", ExitStatus.Exited(3).ToString());
        Assert.Equal("killed by SIGTERM (exit code 143)", ExitStatus.KilledBy(15).ToString());
        Assert.Equal("killed by SIGRTMIN+1 (exit code 163)", ExitStatus.KilledBy(35).ToString());
    }
}
