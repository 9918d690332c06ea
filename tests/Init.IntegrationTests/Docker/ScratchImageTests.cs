namespace Init.IntegrationTests.Docker;

/// <summary>init in a FROM scratch image with a static busybox and nothing else: no libc, no host mounts.</summary>
public class ScratchImageTests
{
    private static string Image => DockerImages.BusyboxImage;

    [DockerFact]
    public void The_exit_code_is_kept()
    {
        using var container = Container.StartBare(Image, "/busybox", "sh", "-c", "exit 42");
        Assert.Equal(42, container.Wait());
    }

    [DockerFact]
    public void Docker_stop_reaches_the_child()
    {
        using var container = Container.StartBare(Image, "/busybox", "sh", "-c",
            "trap 'echo got TERM; exit 3' TERM; echo ready; while :; do /busybox sleep 0.05; done");
        container.WaitForLog("ready");
        var took = container.Stop();
        Assert.Equal(3, container.ExitCode);
        Assert.True(took < TimeSpan.FromSeconds(5), $"docker stop took {took} (Docker kills at 10 s)");
        Assert.Contains("got TERM", container.Logs());
    }

    [DockerFact]
    public void Orphans_are_reaped()
    {
        // The exit code is the number of zombies left after 20 orphans ended.
        using var container = Container.StartBare(Image, "/busybox", "sh", "-c",
            "for i in $(/busybox seq 20); do (/busybox sleep 0.1 &); done; /busybox sleep 1; " +
            "exit $(/busybox ps -o stat | /busybox grep -c Z)");
        Assert.Equal(0, container.Wait());
    }
}
