using System.Net;
using System.Net.Sockets;
using Init.IntegrationTests.Harness;
using Init.Options;
using Init.Posix;
using Init.Processes;
using Xunit;

namespace Init.Tests.Processes;

/// <summary>The polled readiness checks against real sockets and files: none of them waits, whatever the peer.</summary>
public sealed class ReadinessProbeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("init-probe-").FullName;
    private readonly ReadinessProbe _probe = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ProcessSpec Spec(Readiness ready) => new() { Name = "s", Command = ["/bin/true"], Ready = ready };

    /// <summary>Checks until the answer is not InFlight (a loopback connect is answered within microseconds,
    /// but after connect() has returned).</summary>
    private ProbeResult Settled(ProcessSpec spec)
    {
        var result = ProbeResult.InFlight;
        Assert.True(SpinWait.SpinUntil(() => (result = _probe.Check(spec)) != ProbeResult.InFlight, TimeSpan.FromSeconds(20)));
        return result;
    }

    [Fact]
    public void A_port_that_accepts_is_ready()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Assert.Equal(ProbeResult.Ready, Settled(Spec(new Readiness.Tcp(((IPEndPoint)listener.LocalEndpoint).Port))));
    }

    [Fact]
    public void A_port_nothing_listens_on_is_not_ready()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        Assert.Equal(ProbeResult.NotReady, Settled(Spec(new Readiness.Tcp(port))));
    }

    [Fact]
    public void A_listener_that_never_answers_leaves_the_connect_in_flight_and_the_check_returns()
    {
        using var listener = new FullBacklogListener();
        var spec = Spec(new Readiness.Tcp(listener.Port));

        Assert.Equal(ProbeResult.InFlight, _probe.Check(spec));
        Assert.Equal(ProbeResult.InFlight, _probe.Check(spec));
        // One connect, looked at again, not one per check.
        Assert.Single(listener.UnansweredConnects().Intersect(FullBacklogListener.SocketsOf(Environment.ProcessId)));

        listener.AcceptAll();
        Assert.Equal(ProbeResult.Ready, Settled(spec));
    }

    [Fact]
    public void A_dropped_connect_is_closed()
    {
        using var listener = new FullBacklogListener();
        var spec = Spec(new Readiness.Tcp(listener.Port));
        Assert.Equal(ProbeResult.InFlight, _probe.Check(spec));
        var inFlight = listener.UnansweredConnects().Intersect(FullBacklogListener.SocketsOf(Environment.ProcessId)).Single();

        _probe.Drop(spec);

        // Closing a socket in SYN_SENT frees it at once.
        Assert.DoesNotContain(inFlight, listener.UnansweredConnects());
    }

    [Fact]
    public void The_connecting_socket_is_non_blocking_and_close_on_exec()
    {
        using var listener = new FullBacklogListener();
        Assert.Equal(ConnectState.InProgress, TcpProbe.Begin(listener.Port, out var fd));
        try
        {
            var flags = File.ReadLines($"/proc/self/fdinfo/{fd}").First(l => l.StartsWith("flags:", StringComparison.Ordinal));
            var octal = Convert.ToInt32(flags["flags:".Length..].Trim(), 8);
            const int ONonblock = 0x800, OCloexec = 0x80000;
            Assert.Equal(ONonblock | OCloexec, octal & (ONonblock | OCloexec));
            Assert.Equal(ConnectState.InProgress, TcpProbe.Check(fd));
        }
        finally
        {
            TcpProbe.Drop(fd);
        }
    }

    [Fact]
    public void A_file_check_is_ready_for_anything_that_exists_and_not_for_a_dangling_link()
    {
        var file = Path.Combine(_dir, "file");
        File.WriteAllText(file, "");
        var fifo = Path.Combine(_dir, "fifo");
        Assert.Equal(0, Mono.Unix.Native.Syscall.mkfifo(fifo, Mono.Unix.Native.FilePermissions.S_IRWXU));
        File.CreateSymbolicLink(Path.Combine(_dir, "to-file"), file);
        File.CreateSymbolicLink(Path.Combine(_dir, "to-dir"), _dir);
        File.CreateSymbolicLink(Path.Combine(_dir, "dangling"), Path.Combine(_dir, "nothing"));

        ProbeResult Check(string name) => _probe.Check(Spec(new Readiness.FileExists(Path.Combine(_dir, name))));

        Assert.Equal(ProbeResult.Ready, Check("file"));
        Assert.Equal(ProbeResult.Ready, _probe.Check(Spec(new Readiness.FileExists(_dir))));
        // A FIFO nobody writes to: opening it would wait for a writer; the check only looks it up.
        Assert.Equal(ProbeResult.Ready, Check("fifo"));
        Assert.Equal(ProbeResult.Ready, Check("to-file"));
        Assert.Equal(ProbeResult.Ready, Check("to-dir"));
        Assert.Equal(ProbeResult.NotReady, Check("dangling"));
        Assert.Equal(ProbeResult.NotReady, Check("nothing"));
        Assert.Equal(ProbeResult.NotReady, Check("file/below-a-file"));
    }
}
