// The queue watcher, run by init as a sidecar: processes each *.order file the API drops into the queue
// directory. inotify (FileSystemWatcher) wakes it only when an order arrives; SIGTERM stops it after the
// order in hand is done.
using System.Runtime.InteropServices;
using ApiWithWorker;

var queue = Environment.GetEnvironmentVariable("QUEUE_DIR") ?? "/tmp/queue";
Directory.CreateDirectory(queue);
var done = Path.Combine(queue, "done");
Directory.CreateDirectory(done);

using var stop = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var pending = new System.Collections.Concurrent.BlockingCollection<string>();
using var watcher = new FileSystemWatcher(queue, "*.order") { EnableRaisingEvents = true };
watcher.Created += (_, e) => pending.Add(e.FullPath);
watcher.Renamed += (_, e) => pending.Add(e.FullPath);
foreach (var existing in Directory.GetFiles(queue, "*.order"))
{
    pending.Add(existing);
}

Console.WriteLine($"worker: watching {queue}");
SdNotify.Send("READY=1\nSTATUS=watching the queue");
try
{
    foreach (var order in pending.GetConsumingEnumerable(stop.Token))
    {
        if (!File.Exists(order))
        {
            continue;
        }
        var name = Path.GetFileName(order);
        File.Move(order, Path.Combine(done, name), overwrite: true);
        Console.WriteLine($"worker: processed {name}");
        SdNotify.Send($"STATUS=last processed {name}");
    }
}
catch (OperationCanceledException)
{
}
Console.WriteLine("worker: stopped");
