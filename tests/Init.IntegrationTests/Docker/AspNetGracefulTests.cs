using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests.Docker;

/// <summary>The ASP.NET Core example under init (ENTRYPOINT ["/init", "--", "dotnet", "app.dll"]).</summary>
public class AspNetGracefulTests
{
    [DockerFact]
    public async Task Docker_stop_lets_an_in_flight_request_finish_and_exits_0()
    {
        var port = LoopbackPort.Free();
        // Host networking keeps the traffic on this machine's loopback.
        using var container = Container.Start(DockerImages.AppImage,
            ["--network", "host", "-e", $"ASPNETCORE_URLS=http://127.0.0.1:{port}", "-e", "DOTNET_NOLOGO=1"]);
        container.WaitForLog("listening on");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var request = http.GetStringAsync($"http://127.0.0.1:{port}/slow?ms=3000");
        container.WaitForLog("request started");
        var took = container.Stop();

        Assert.Equal("done after 3000 ms\n", await request);
        Assert.Equal(0, container.ExitCode);
        Assert.True(took < TimeSpan.FromSeconds(9), $"docker stop took {took}: the app was killed, not stopped");
        var logs = container.Logs();
        Assert.Contains("stopping: finishing in-flight requests", logs);
        Assert.Contains("request finished", logs);
    }

    [DockerFact]
    public void The_shell_entrypoint_example_sets_up_execs_the_app_and_stops_cleanly()
    {
        var port = LoopbackPort.Free();
        using var container = Container.Start(DockerImages.ShellEntrypointImage,
            ["--network", "host", "-e", $"ASPNETCORE_URLS=http://127.0.0.1:{port}", "-e", "APP_GREETING=hi"]);
        container.WaitForLog("listening on");
        Assert.Contains("entrypoint: set-up done, starting dotnet app.dll", container.Logs());
        // After the exec, dotnet replaced the shell; init is still PID 1 above it.
        var ps = container.Exec("ps", "-o", "pid=,comm=", "-p", "1");
        Assert.Contains("init", ps.Stdout);
        Assert.Contains("{\"greeting\": \"hi\"}", container.Exec("cat", "/tmp/app/settings.json").Stdout);
        var took = container.Stop();
        Assert.Equal(0, container.ExitCode);
        Assert.True(took < TimeSpan.FromSeconds(9), $"docker stop took {took}");
    }
}
