using System.Text.Json;
using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests;

public class LoggingTests
{
    [Fact]
    public void Quiet_on_the_happy_path()
    {
        var (exit, output) = InitProcess.Run(Mode.Pid1, "sh", "-c", "echo only-the-child; exit 0");
        Assert.Equal(0, exit);
        Assert.Equal("only-the-child", output.Trim());
    }

    [Fact]
    public void Json_format_writes_one_object_a_line()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["-v", "sh", "-c", "exit 3"],
            new Dictionary<string, string> { ["INIT_LOG_FORMAT"] = "json" });
        Assert.Equal(3, run.WaitForExit());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal("info", doc.RootElement.GetProperty("level").GetString());
            Assert.Equal("init", doc.RootElement.GetProperty("logger").GetString());
            Assert.EndsWith("Z", doc.RootElement.GetProperty("time").GetString());
        }
        Assert.Contains(lines, l => l.Contains("exiting with code 3", StringComparison.Ordinal));
    }

    // Its other spellings (TINI_VERBOSITY, -v..., --log-level) are unit-tested (EnvironmentSettingsTests,
    // CommandLineTests): here that the level chosen really lets debug lines out.
    [Fact]
    public void Log_level_from_the_environment()
    {
        using var run = InitProcess.Start(Mode.Pid1, [Artifacts.Probe, "signals"],
            new Dictionary<string, string> { ["INIT_LOG_LEVEL"] = "debug" });
        var pid = run.WaitForReady();
        run.Signal(Harness.Native.SIGUSR1);
        run.WaitForLine($"signal {Harness.Native.SIGUSR1} pid={pid}");
        run.WaitForLine(l => l.Contains("forwarded SIGUSR1", StringComparison.Ordinal), what: "forwarded SIGUSR1");
        run.Signal(Harness.Native.SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }
}
