// An API with one slow endpoint. On SIGTERM (docker stop -> init -> this process) the host stops accepting
// connections, lets requests already running finish (up to ShutdownTimeout), then exits 0.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));
var app = builder.Build();
var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
lifetime.ApplicationStarted.Register(() => Console.WriteLine($"listening on {string.Join(", ", app.Urls)}"));
lifetime.ApplicationStopping.Register(() => Console.WriteLine("stopping: finishing in-flight requests"));
lifetime.ApplicationStopped.Register(() => Console.WriteLine("stopped"));

app.MapGet("/", () => "ok\n");

// GET /slow?ms=3000: answers after the delay, even when the shutdown began meanwhile.
app.MapGet("/slow", async (int? ms) =>
{
    var delay = ms ?? 3000;
    Console.WriteLine($"request started: {delay} ms");
    await Task.Delay(delay);
    Console.WriteLine("request finished");
    return $"done after {delay} ms\n";
});

app.Run();
