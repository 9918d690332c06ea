using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

public class SignalForwardingTests
{
    /// <summary>
    /// Every forwardable signal but the job-control stops (JobControlTests) and TERM, which the test sends last.
    /// INT starts the shutdown as TERM does (the probe keeps running), so it comes after the plainly forwarded
    /// ones. Which signals are forwardable is unit-tested (ForwardableSignalsTests); this shows each one
    /// really reaches the child.
    /// </summary>
    private static readonly int[] ForwardableSignals =
    [
        SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGSTKFLT, SIGCONT, SIGURG, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,
        SIGWINCH, SIGIO, SIGPWR,
        .. Enumerable.Range(SIGRTMIN + 1, SIGRTMAX - SIGRTMIN),
        SIGINT,
    ];

    [Theory]
    [InlineData(Mode.Pid1)]
    [InlineData(Mode.Subreaper)]
    [InlineData(Mode.Pty)]
    [InlineData(Mode.PtyPid1)]
    public void All_forwardable_signals_reach_the_child_one_after_another(Mode mode)
    {
        using var run = InitProcess.Start(mode, Artifacts.Probe, "signals");
        var pid = run.WaitForReady();
        foreach (var signal in ForwardableSignals)
        {
            run.Signal(signal);
            run.WaitForLine($"signal {signal} pid={pid}");
        }
        run.Signal(SIGTERM);
        run.WaitForLine($"signal {SIGTERM} pid={pid}");
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Sigterm_exit_code_chosen_by_the_child_is_kept()
    {
        using var run = InitProcess.Start(Mode.Pid1, Artifacts.Probe, "signals", "--exit-code", "3");
        run.WaitForReady();
        run.Signal(SIGTERM);
        Assert.Equal(3, run.WaitForExit());
    }

    [Fact]
    public void Sigrtmin_is_not_forwarded_because_the_runtime_owns_it()
    {
        // The NativeAOT runtime interrupts its own threads with SIGRTMIN; init must not pass those on, and a
        // SIGRTMIN sent from outside must not hurt it.
        using var run = InitProcess.Start(Mode.Pid1, "-vv", Artifacts.Probe, "signals");
        var pid = run.WaitForReady();
        run.Signal(SIGRTMIN);
        run.Signal(SIGRTMIN + 1);
        run.WaitForLine($"signal {SIGRTMIN + 1} pid={pid}");
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
        Assert.DoesNotContain($"signal {SIGRTMIN} ", run.Output);
        Assert.DoesNotContain("forwarded SIGRTMIN to", run.Output);
    }
}
