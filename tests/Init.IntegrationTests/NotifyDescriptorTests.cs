using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests;

/// <summary>Descriptors sent over the notify socket (SCM_RIGHTS) are closed at once: that answers
/// systemd-notify's barrier, and none piles up in init or leaks into a child.</summary>
public class NotifyDescriptorTests
{
    private const string SystemdNotify = "/usr/bin/systemd-notify";

    [SystemdNotifyFact]
    public void Systemd_notify_ready_returns_at_once_and_no_descriptor_stays_behind()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["-v", "--ready", "notify", "sh", "-c",
            "echo before $(ls /proc/1/fd | wc -l); " +
            $"for i in $(seq 30); do {SystemdNotify} --ready || exit 9; done; " +
            "echo after $(ls /proc/1/fd | wc -l)"]);
        var before = run.WaitForLine("before ", TimeSpan.FromSeconds(10));
        // Without the barrier answered, each call waits 5 s for it and then fails.
        var after = run.WaitForLine("after ", TimeSpan.FromSeconds(10));
        Assert.Equal(0, run.WaitForExit());
        Assert.Contains("is ready", run.Output);
        Assert.Equal(before["before ".Length..], after["after ".Length..]);
    }

    private sealed class SystemdNotifyFactAttribute : FactAttribute
    {
        public SystemdNotifyFactAttribute()
        {
            if (!File.Exists(SystemdNotify) && !ReferenceInits.InCi)
            {
                Skip = "no systemd-notify (apt-get install systemd); .ci/run installs it";
            }
        }
    }
}
