using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests;

public class ExitCodeTests
{
    public static TheoryData<int> AllExitCodes()
    {
        var data = new TheoryData<int>();
        for (var code = 0; code <= 255; code++)
        {
            data.Add(code);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllExitCodes))]
    public void Every_exit_code_passes_through_as_pid_1(int code)
    {
        var (exit, output) = InitProcess.Run(Mode.Pid1, "sh", "-c", $"exit {code}");
        Assert.True(code == exit, output);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(255)]
    public void Exit_code_passes_through_as_subreaper(int code)
    {
        var (exit, output) = InitProcess.Run(Mode.Subreaper, "sh", "-c", $"exit {code}");
        Assert.True(code == exit, output);
    }

    [Theory]
    [InlineData("HUP", 129)]
    [InlineData("INT", 130)]
    [InlineData("QUIT", 131)]
    [InlineData("ABRT", 134)]
    [InlineData("KILL", 137)]
    [InlineData("USR1", 138)]
    [InlineData("SEGV", 139)]
    [InlineData("TERM", 143)]
    [InlineData("35", 163)]
    [InlineData("64", 192)]
    public void Death_by_signal_N_exits_128_plus_N(string signal, int expected)
    {
        foreach (var mode in new[] { Mode.Pid1, Mode.Subreaper })
        {
            // The shell resets the signal to its default first, then kills itself with it.
            var (exit, output) = InitProcess.Run(mode, "sh", "-c", $"trap - {signal}; kill -{signal} $$; sleep 5");
            Assert.True(expected == exit, $"{mode}: {output}");
        }
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
