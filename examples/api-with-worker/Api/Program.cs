// The API: takes orders and drops each into the queue directory the worker sidecar watches.
using ApiWithWorker;

var queue = Environment.GetEnvironmentVariable("QUEUE_DIR") ?? "/tmp/queue";
Directory.CreateDirectory(queue);

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

app.Lifetime.ApplicationStarted.Register(() =>
{
    Console.WriteLine($"api: listening on {string.Join(", ", app.Urls)}");
    SdNotify.Send("READY=1\nSTATUS=taking orders");
});
app.Lifetime.ApplicationStopping.Register(() => SdNotify.Send("STOPPING=1"));

app.MapGet("/", () => "ok\n");
app.MapPost("/orders/{id}", async (string id) =>
{
    var temp = Path.Combine(queue, $".{id}.tmp");
    await File.WriteAllTextAsync(temp, $"order {id}\n");
    File.Move(temp, Path.Combine(queue, $"{id}.order"), overwrite: true);
    return Results.Accepted($"/orders/{id}");
});

app.Run();
