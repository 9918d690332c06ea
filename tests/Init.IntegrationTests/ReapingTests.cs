using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests;

public class ReapingTests
{
    [Theory]
    [InlineData(Mode.Pid1)]
    [InlineData(Mode.Subreaper)]
    public void A_storm_of_1000_orphans_is_fully_reaped(Mode mode)
    {
        using var run = InitProcess.Start(mode, Artifacts.Probe, "orphans", "1000");
        run.WaitForLine("orphans 1000 released");
        run.WaitForLine("zombies left ");
        Assert.Equal(0, run.WaitForExit());
        Assert.Contains("zombies left 0, orphans alive 0", run.Output);
    }

    [Fact]
    public void Warn_on_reap_logs_each_orphan()
    {
        using var run = InitProcess.Start(Mode.Pid1, "-w", Artifacts.Probe, "orphans", "50");
        Assert.Equal(0, run.WaitForExit());
        Assert.Equal(50, run.Output.Split('\n').Count(l => l.Contains("reaped zombie pid", StringComparison.Ordinal)));
    }

    [Fact]
    public void Not_pid_1_registers_as_subreaper_and_says_so_when_verbose()
    {
        var (exit, output) = InitProcess.Run(Mode.Subreaper, "-v", "true");
        Assert.Equal(0, exit);
        Assert.Contains("registered as child subreaper", output);
        var (_, quiet) = InitProcess.Run(Mode.Subreaper, "true");
        Assert.Equal("", quiet.Trim());
    }

    [Fact]
    public void Orphans_of_a_subreaper_come_to_init_not_to_the_real_pid_1()
    {
        // The shell's background sleep outlives the shell; as init's orphan it must show init as parent.
        using var run = InitProcess.Start(Mode.Subreaper, "sh", "-c", "sleep 30 & echo bg $!; exit 0");
        var pid = int.Parse(run.WaitForLine("bg ").Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        ProcFs.WaitUntil(() => ProcFs.ReadStat(pid) is not { } s || s.PPid == run.InitPid, "the orphan is reparented");
        Assert.Equal(0, run.WaitForExit());
    }
}
