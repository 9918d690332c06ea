using System.Globalization;

namespace Init.Options;

/// <summary>When a started process counts as ready (for `init status`, and before the main process starts).</summary>
internal abstract record Readiness
{
    public static readonly Readiness OnStart = new Started();

    /// <summary>Ready as soon as it runs.</summary>
    public sealed record Started : Readiness;

    /// <summary>Ready when it sends READY=1 to NOTIFY_SOCKET (systemd's sd_notify protocol).</summary>
    public sealed record Notify : Readiness;

    /// <summary>Ready when 127.0.0.1:Port accepts a connection.</summary>
    public sealed record Tcp(int Port) : Readiness;

    /// <summary>Ready when the file exists.</summary>
    public sealed record FileExists(string Path) : Readiness;

    /// <summary>started, notify, tcp:PORT or file:PATH.</summary>
    public static Readiness Parse(string source, string value)
    {
        var v = value.Trim();
        if (v.Equals("started", StringComparison.OrdinalIgnoreCase) || v.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return OnStart;
        }
        if (v.Equals("notify", StringComparison.OrdinalIgnoreCase))
        {
            return new Notify();
        }
        if (v.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase) &&
            int.TryParse(v.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
        {
            return new Tcp(port);
        }
        if (v.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && v.Length > 5 && v[5] == '/')
        {
            return new FileExists(v[5..]);
        }
        throw new UsageException($"{source}: '{value}' is not valid; expected started, notify, tcp:PORT or file:/PATH");
    }

    public bool IsPolled => this is Tcp or FileExists;
}
