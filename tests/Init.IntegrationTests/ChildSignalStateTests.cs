using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests;

/// <summary>Children start with the signal state init was started with, not the .NET runtime's.</summary>
public class ChildSignalStateTests
{
    [Theory]
    [InlineData(Mode.Pid1)]
    [InlineData(Mode.Subreaper)]
    [InlineData(Mode.PtyPid1)]
    public void Yes_piped_to_head_ends(Mode mode)
    {
        // Needs SIGPIPE at its default in `yes`; the runtime ignores SIGPIPE in init itself.
        using var run = InitProcess.Start(mode, "sh", "-c", "yes | head -1");
        Assert.Equal(0, run.WaitForExit(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Child_has_an_empty_mask_and_nothing_ignored()
    {
        using var run = InitProcess.Start(Mode.Pid1, Artifacts.Probe, "status");
        Assert.Equal(0, run.WaitForExit());
        Assert.Contains("SigBlk:\t0000000000000000", run.Output);
        Assert.Contains("SigIgn:\t0000000000000000", run.Output);
        Assert.Contains("SigCgt:\t0000000000000000", run.Output);
    }
}
