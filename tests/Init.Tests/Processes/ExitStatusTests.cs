using Init.Processes;
using Xunit;

namespace Init.Tests.Processes;

/// <summary>Raw Linux wait statuses: exit code c is <c>c &lt;&lt; 8</c>; death by signal s is <c>s</c>,
/// with 0x80 added when a core was dumped. Every code and every signal is decoded here, so the integration
/// suite runs only a few of them through a real PID 1.</summary>
public class ExitStatusTests
{
    public static TheoryData<int> AllExitCodes() => [.. Enumerable.Range(0, 256)];

    /// <summary>Every signal a process can die of on Linux x86-64, with the name init logs for it.</summary>
    public static TheoryData<int, string> AllSignals()
    {
        string[] standard =
        [
            "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
            "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP",
            "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",
            "SIGIO", "SIGPWR", "SIGSYS",
            // glibc keeps 32 and 33 for its threads: no name, but a process can still die of them.
            "32", "33",
            "SIGRTMIN",
        ];
        var data = new TheoryData<int, string>();
        for (var signal = 1; signal <= 64; signal++)
        {
            data.Add(signal, signal <= standard.Length ? standard[signal - 1] : $"SIGRTMIN+{signal - 34}");
        }
        return data;
    }

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
        Assert.Equal($"exit code {code}", status.ToString());
    }

    [Theory]
    [MemberData(nameof(AllSignals))]
    public void KilledBySignal(int signal, string name)
    {
        // Real-time ones included: this runs on the reaper thread, where a throw ends init.
        var status = ExitStatus.FromWaitStatus(signal);

        Assert.True(status.Signaled);
        Assert.Equal(signal, status.Signal);
        Assert.Equal(0, status.Code);
        Assert.Equal(128 + signal, status.ExitCode);
        Assert.Equal(ExitStatus.KilledBy(signal), status);
        Assert.Equal($"killed by {name} (exit code {128 + signal})", status.ToString());
    }

    [Theory]
    [MemberData(nameof(AllSignals))]
    public void KilledBySignalWithCoreDump(int signal, string name)
    {
        var status = ExitStatus.FromWaitStatus(signal | 0x80);

        Assert.Equal(ExitStatus.KilledBy(signal), status);
        Assert.Equal(128 + signal, status.ExitCode);
        Assert.Equal($"killed by {name} (exit code {128 + signal})", status.ToString());
    }

    [Fact]
    public void ToStringSaysWhatHappened()
    {
        Assert.Equal("exit code 3", ExitStatus.Exited(3).ToString());
        Assert.Equal("killed by SIGTERM (exit code 143)", ExitStatus.KilledBy(15).ToString());
        Assert.Equal("killed by SIGRTMIN+1 (exit code 163)", ExitStatus.KilledBy(35).ToString());
        Assert.Equal("killed by SIGRTMIN+30 (exit code 192)", ExitStatus.KilledBy(64).ToString());
    }
}
