using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests;

/// <summary>A child inherits exactly the descriptors init was given, never one of init's own (the signalfd,
/// the notify socket, the status file, the memfd its helper was loaded from).</summary>
public class DescriptorTests
{
    [Theory]
    [InlineData(Mode.Pid1, false)]
    [InlineData(Mode.Subreaper, false)]
    [InlineData(Mode.PtyPid1, false)]
    [InlineData(Mode.Pid1, true)]
    public void The_child_starts_with_the_descriptors_init_started_with(Mode mode, bool notifySocket)
    {
        // The launcher prints what survives its exec (what init starts with), then the child prints its own.
        using var run = InitProcess.Start(mode, [Artifacts.Probe, "fds"],
            notifySocket ? new Dictionary<string, string> { ["INIT_READY"] = "notify" } : null, [Artifacts.Probe, "fds", "--"]);
        Assert.Equal(0, run.WaitForExit());
        var lists = run.Output.Split('\n').Where(l => l.StartsWith("fds", StringComparison.Ordinal)).ToList();
        Assert.True(lists.Count == 2, run.Output);
        Assert.Equal(lists[0], lists[1]);
    }
}
