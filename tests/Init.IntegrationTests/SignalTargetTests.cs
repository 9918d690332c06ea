using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>The main child is a shell that leaves one probe in the background and becomes another.</summary>
public class SignalTargetTests
{
    private static string[] TwoProbes(params string[] initFlags) =>
    [
        .. initFlags, "sh", "-c", $"'{Artifacts.Probe}' signals & exec '{Artifacts.Probe}' signals",
    ];

    private static (int Main, int Background) WaitForBoth(InitProcess run)
    {
        var first = run.WaitForReady();
        var second = run.WaitForReady();
        // The exec'd probe keeps the shell's pid, which leads the group: that one is the main child.
        var firstLine = run.Output.Split('\n').First(l => l.StartsWith($"ready pid={first} ", StringComparison.Ordinal));
        return firstLine.EndsWith($"pgid={first}", StringComparison.Ordinal) ? (first, second) : (second, first);
    }

    // How the target is chosen (-g, -c, --single-child, INIT_SIGNAL_TARGET, DUMB_INIT_SETSID, flag over
    // environment) is unit-tested (CommandLineTests, EnvironmentSettingsTests, SettingsTests): here only
    // what each target means for real processes.
    [Fact]
    public void Group_target_signals_every_process_in_the_group()
    {
        using var run = InitProcess.Start(Mode.Pid1, TwoProbes());
        var (main, background) = WaitForBoth(run);
        run.Signal(SIGUSR1);
        run.WaitForLine($"signal {SIGUSR1} pid={main}");
        run.WaitForLine($"signal {SIGUSR1} pid={background}");
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Child_target_signals_the_main_child_only()
    {
        using var run = InitProcess.Start(Mode.Pid1, TwoProbes("-c"));
        var (main, background) = WaitForBoth(run);
        run.Signal(SIGUSR1);
        run.WaitForLine($"signal {SIGUSR1} pid={main}");
        run.Signal(SIGTERM);
        run.WaitForLine($"signal {SIGTERM} pid={main}");
        // The main child is gone; what it left in its group gets SIGTERM from init's clean-up.
        run.WaitForLine($"signal {SIGTERM} pid={background}");
        Assert.Equal(0, run.WaitForExit());
        Assert.DoesNotContain($"signal {SIGUSR1} pid={background}", run.Output);
    }
}
