using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests;

/// <summary>
/// A few codes and signals through a real init. Decoding every wait status (codes 0..255, death by signals
/// 1..64) is unit-tested in Init.Tests (ExitStatusTests); these show the real process passes them on.
/// </summary>
public class ExitCodeTests
{
    private static readonly int[] SomeExitCodes = [0, 1, 42, 127, 128, 255];

    /// <summary>A default action that terminates, one that is uncatchable, one that dumps core, a real-time one.</summary>
    private static readonly (string Signal, int Expected)[] SomeDeadlySignals =
        [("TERM", 143), ("KILL", 137), ("SEGV", 139), ("64", 192)];

    [Theory]
    [InlineData(Mode.Pid1)]
    [InlineData(Mode.Subreaper)]
    public void Exit_codes_pass_through(Mode mode) =>
        AssertExitCodes(mode, SomeExitCodes.Select(code => ($"exit {code}", code)));

    [Theory]
    [InlineData(Mode.Pid1)]
    [InlineData(Mode.Subreaper)]
    public void Death_by_signal_N_exits_128_plus_N(Mode mode) =>
        // The shell resets the signal to its default first, then kills itself with it.
        AssertExitCodes(mode, SomeDeadlySignals.Select(s => ($"trap - {s.Signal}; kill -{s.Signal} $$; sleep 5", s.Expected)));

    /// <summary>Runs each script as init's child; one failure lists every script that came out wrong.</summary>
    private static void AssertExitCodes(Mode mode, IEnumerable<(string Script, int Expected)> cases)
    {
        var wrong = new List<string>();
        foreach (var (script, expected) in cases)
        {
            var (exit, output) = InitProcess.Run(mode, "sh", "-c", script);
            if (exit != expected)
            {
                wrong.Add($"{mode}, sh -c '{script}': expected exit code {expected}, got {exit}; output:\n{output}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Success_exit_codes_are_reported_as_zero()
    {
        Assert.Equal(0, InitProcess.Run(Mode.Pid1, "-e", "143", "-e", "3", "sh", "-c", "exit 3").ExitCode);
        Assert.Equal(0, InitProcess.Run(Mode.Pid1, "-e143", "sh", "-c", "kill -TERM $$").ExitCode);
        Assert.Equal(4, InitProcess.Run(Mode.Pid1, "-e", "3", "sh", "-c", "exit 4").ExitCode);
    }

    [Fact]
    public void Success_exit_codes_come_from_the_environment_too()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["sh", "-c", "exit 7"],
            new Dictionary<string, string> { ["INIT_SUCCESS_EXIT_CODES"] = "7,143" });
        Assert.Equal(0, run.WaitForExit());
    }
}
