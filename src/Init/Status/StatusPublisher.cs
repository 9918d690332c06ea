using System.Text.Json;
using Serilog;

namespace Init.Status;

/// <summary>
/// Writes the processes' state to DIR/status.json whenever it changes (write to a temp file, then rename,
/// so a reader never sees half a file). No socket, no port, nothing polled: `init status` just reads it.
/// </summary>
internal sealed class StatusPublisher
{
    private readonly string _directory;
    private readonly ILogger _log;
    private bool _broken;

    public StatusPublisher(string directory, ILogger log)
    {
        _directory = directory;
        _log = log;
    }

    public string Directory => _directory;

    public void Publish(int initPid, IEnumerable<ProcessSnapshot> processes)
    {
        if (_broken)
        {
            return;
        }
        try
        {
            System.IO.Directory.CreateDirectory(_directory);
            var path = Path.Combine(_directory, RuntimeDirectory.StatusFile);
            var temp = path + ".tmp";
            File.WriteAllBytes(temp, Serialize(initPid, processes));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only root file system must not stop init; `init status` will say there is no status.
            _broken = true;
            _log.Warning("cannot publish status in {Directory} ({Error}); `init status` will not work (set {Key})",
                _directory, e.Message, RuntimeDirectory.EnvKey);
        }
    }

    public void Remove()
    {
        try
        {
            File.Delete(Path.Combine(_directory, RuntimeDirectory.StatusFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    public static byte[] Serialize(int initPid, IEnumerable<ProcessSnapshot> processes)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("initPid", initPid);
            json.WriteString("updated", DateTimeOffset.UtcNow);
            json.WriteStartArray("processes");
            foreach (var p in processes)
            {
                json.WriteStartObject();
                json.WriteString("name", p.Name);
                json.WriteNumber("pid", p.Pid);
                json.WriteString("state", p.State);
                json.WriteBoolean("ready", p.Ready);
                json.WriteBoolean("required", p.Required);
                json.WriteNumber("restarts", p.Restarts);
                if (p.StartedAt is { } started)
                {
                    json.WriteString("startedAt", started);
                }
                else
                {
                    json.WriteNull("startedAt");
                }
                json.WriteString("lastExit", p.LastExit);
                json.WriteString("status", p.StatusText);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static IReadOnlyList<ProcessSnapshot> Deserialize(ReadOnlySpan<byte> data, out int initPid)
    {
        using var doc = JsonDocument.Parse(data.ToArray());
        var root = doc.RootElement;
        initPid = root.GetProperty("initPid").GetInt32();
        var list = new List<ProcessSnapshot>();
        foreach (var p in root.GetProperty("processes").EnumerateArray())
        {
            list.Add(new ProcessSnapshot(
                p.GetProperty("name").GetString() ?? "",
                p.GetProperty("pid").GetInt32(),
                p.GetProperty("state").GetString() ?? "",
                p.GetProperty("ready").GetBoolean(),
                p.GetProperty("required").GetBoolean(),
                p.GetProperty("restarts").GetInt32(),
                p.GetProperty("startedAt").ValueKind == JsonValueKind.Null ? null : p.GetProperty("startedAt").GetDateTimeOffset(),
                p.GetProperty("lastExit").GetString(),
                p.GetProperty("status").GetString()));
        }
        return list;
    }
}
