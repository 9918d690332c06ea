using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests.Docker;

/// <summary>init as the ENTRYPOINT of a real container, judged by what Docker itself reports.</summary>
public class DockerScenarioTests
{
    private static string Image => DockerImages.TestImage;

    [DockerTheory]
    [InlineData("exit 0", 0)]
    [InlineData("exit 1", 1)]
    [InlineData("exit 42", 42)]
    [InlineData("kill -TERM $$", 143)]
    [InlineData("kill -KILL $$", 137)]
    public void Docker_run_passes_the_exit_code_through(string script, int expected)
    {
        using var container = Container.Start(Image, [], "sh", "-c", script);
        Assert.Equal(expected, container.Wait());
        Assert.Equal(expected, container.ExitCode);
    }

    [DockerFact]
    public void Docker_stop_on_a_well_behaved_child_is_quick_and_keeps_its_exit_code()
    {
        using var container = Container.Start(Image, [], "/probe", "signals", "--exit-code", "3");
        container.WaitForLog("ready ");
        var took = container.Stop();
        Assert.Equal(3, container.ExitCode);
        Assert.True(took < TimeSpan.FromSeconds(5), $"docker stop took {took} (Docker kills at 10 s)");
        Assert.Contains("signal 15 ", container.Logs());
    }

    [DockerFact]
    public void Docker_stop_on_a_child_ignoring_sigterm_ends_at_inits_kill_timeout()
    {
        using var container = Container.Start(Image, ["-e", "INIT_KILL_TIMEOUT=2s"], "/probe", "signals", "--ignore-term");
        container.WaitForLog("ready ");
        var took = container.Stop(timeoutSeconds: 30);
        Assert.Equal(137, container.ExitCode);
        Assert.True(took >= TimeSpan.FromSeconds(2) && took < TimeSpan.FromSeconds(10),
            $"docker stop -t 30 took {took}; init's kill timeout is 2 s");
        var logs = container.Logs();
        Assert.Contains("sent SIGKILL to", logs);
        Assert.Contains("(probe)", logs);
    }

    [DockerTheory]
    [InlineData("USR1", 10)]
    [InlineData("HUP", 1)]
    public void Docker_kill_reaches_the_child(string signal, int number)
    {
        using var container = Container.Start(Image, [], "/probe", "signals");
        container.WaitForLog("ready ");
        container.Kill(signal);
        container.WaitForLog($"signal {number} ");
        container.Stop();
        Assert.Equal(0, container.ExitCode);
    }

    [DockerFact]
    public void Orphans_in_a_container_leave_no_zombies()
    {
        using var container = Container.Start(Image, [], "sh", "-c", "/probe orphans 500; echo probe-done; exec sleep 600");
        container.WaitForLog("probe-done");
        Assert.Contains("zombies left 0, orphans alive 0", container.Logs());
        var ps = container.Exec("ps", "-eo", "stat=,pid=,comm=");
        Assert.Equal(0, ps.ExitCode);
        Assert.DoesNotContain(ps.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.TrimStart().StartsWith('Z'));
        container.Stop();
    }

    [DockerFact]
    public void Docker_run_with_a_terminal_keeps_the_exit_code()
    {
        var result = DockerEngine.Run(["run", "--rm", "-t", .. DockerImages.Userland, Image, "sh", "-c", "test -t 0 && exit 7"],
            TimeSpan.FromMinutes(1));
        Assert.Equal(7, result.ExitCode);
    }

    [DockerFact]
    public void Docker_run_it_gives_a_shell_job_control()
    {
        // docker -it needs a terminal on the client side too: script gives it one.
        var image = Image;
        using var run = InitProcess.StartCommand("script", "-qec",
            $"docker run --rm -it {string.Join(' ', DockerImages.Userland)} {image} bash --norc --noprofile -i -c 'echo flags=$-; sleep 0.1 & fg; echo fg-done; exit 5'",
            "/dev/null");
        Assert.Equal(5, run.WaitForExit(TimeSpan.FromMinutes(1)));
        Assert.Matches("flags=[a-zA-Z]*m", run.Output);
        Assert.Contains("fg-done", run.Output);
        Assert.DoesNotContain("no job control", run.Output);
    }
}
