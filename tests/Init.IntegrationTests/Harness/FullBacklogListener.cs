using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Init.IntegrationTests.Harness;

/// <summary>
/// A peer that never answers: a loopback listener with listen(0) whose one queued connection is never
/// accepted, so the kernel drops every further SYN and a connect to it stays in SYN_SENT. <see cref="AcceptAll"/>
/// makes it an ordinary listener. Also compiled into Init.Tests (the TCP probe's own tests).
/// </summary>
public sealed class FullBacklogListener : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _filler = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private Task? _acceptor;

    public FullBacklogListener()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        // With a backlog of 0 the accept queue holds one connection; while it does, SYNs are dropped.
        _filler.Connect(new IPEndPoint(IPAddress.Loopback, Port));
        WaitFor(() => QueuedOnListener() >= 1, "the listener's accept queue to be full");
    }

    public int Port { get; }

    /// <summary>From now on every connection is accepted (and closed), until disposed.</summary>
    public void AcceptAll() => _acceptor = AcceptUntilDisposed();

    private async Task AcceptUntilDisposed()
    {
        try
        {
            while (true)
            {
                (await _listener.AcceptAsync()).Dispose();
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // disposed: the test is over
        }
    }

    /// <summary>The inodes of the sockets connecting to this port that have no answer yet (SYN_SENT).</summary>
    public IReadOnlySet<long> UnansweredConnects()
    {
        var found = new HashSet<long>();
        foreach (var f in TcpTable())
        {
            if (f[3] == "02" && f[2] == $"0100007F:{Port:X4}")
            {
                found.Add(long.Parse(f[9], CultureInfo.InvariantCulture));
            }
        }
        return found;
    }

    /// <summary>The socket inodes among a process's open descriptors.</summary>
    public static IReadOnlySet<long> SocketsOf(int pid)
    {
        var found = new HashSet<long>();
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    found.Add(long.Parse(target["socket:[".Length..^1], CultureInfo.InvariantCulture));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // gone, or closing a descriptor as we read: the caller asks again
        }
        return found;
    }

    /// <summary>True once the process holds a socket connecting to this port without an answer.</summary>
    public bool HasUnansweredConnectFrom(int pid) => SocketsOf(pid).Overlaps(UnansweredConnects());

    public void Dispose()
    {
        _filler.Dispose();
        _listener.Dispose();
        _acceptor?.Wait();
    }

    /// <summary>For a listening socket the rx_queue column is its accept queue's length.</summary>
    private int QueuedOnListener()
    {
        foreach (var f in TcpTable())
        {
            if (f[3] == "0A" && f[1] == $"0100007F:{Port:X4}")
            {
                return int.Parse(f[4].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }

    private static IEnumerable<string[]> TcpTable() =>
        File.ReadLines("/proc/net/tcp").Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static void WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }
            Thread.Sleep(5);
        }
    }
}
