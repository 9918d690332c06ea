using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests.Docker;

/// <summary>examples/api-with-worker: an API as main process, a queue watcher as a sidecar, in one container.</summary>
public class ApiWithWorkerTests
{
    [DockerFact]
    public async Task The_worker_is_kept_alive_beside_the_api_and_stopped_after_it()
    {
        var port = LoopbackPort.Free();
        using var container = Container.Start(DockerImages.ApiWithWorkerImage,
            ["--network", "host", "-e", $"ASPNETCORE_URLS=http://127.0.0.1:{port}", "-e", "INIT_LOG_LEVEL=info"]);
        container.WaitForLog("api: listening");
        var logs = container.Logs();
        Assert.True(logs.IndexOf("sidecar worker", StringComparison.Ordinal) < logs.IndexOf("started main process", StringComparison.Ordinal), logs);

        var status = container.Exec("/init", "status");
        Assert.Equal(0, status.ExitCode);
        Assert.Matches(@"worker\s+\d+\s+running\s+yes", status.Stdout);
        Assert.Matches(@"main\s+\d+\s+running\s+yes", status.Stdout);
        Assert.Equal("ok", container.Exec("/init", "status", "--check").Stdout.Trim());

        using var http = new HttpClient();
        (await http.PostAsync($"http://127.0.0.1:{port}/orders/7", null)).EnsureSuccessStatusCode();
        container.WaitForLog("worker: processed 7.order");

        // A crashed worker is restarted by init, not by the orchestrator.
        Assert.Equal(0, container.Exec("pkill", "-KILL", "-f", "worker.dll").ExitCode);
        container.WaitForLog("restart 1 in 1s");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (container.Logs().Split("worker: watching").Length < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, container.Logs());
            Thread.Sleep(50);
        }
        Assert.Matches(@"worker\s+\d+\s+running\s+yes\s+1\s", container.Exec("/init", "status").Stdout);

        var took = container.Stop();
        Assert.Equal(0, container.ExitCode);
        Assert.True(took < TimeSpan.FromSeconds(9), $"docker stop took {took}");
        // init's own lines (stderr) give the order: the API ended, then the worker was stopped, and it stopped.
        logs = container.Logs();
        var apiEnded = logs.IndexOf("ended: exit code 0", logs.IndexOf("shutting down", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(apiEnded > 0 && apiEnded < logs.IndexOf("stopping sidecar worker", StringComparison.Ordinal), logs);
        Assert.Contains("worker: stopped", logs);
    }
}
