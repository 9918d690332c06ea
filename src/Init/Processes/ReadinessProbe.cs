using Init.Options;
using Init.Posix;

namespace Init.Processes;

/// <summary>What one run of a polled readiness check found.</summary>
internal enum ProbeResult
{
    NotReady,

    /// <summary>A TCP connect is sent and not answered yet; the next check looks at the same one.</summary>
    InFlight,

    Ready,
}

/// <summary>Runs the polled readiness checks (TCP, file; notify and started need no polling), none of which
/// ever waits (docs/design.md, "Nothing blocks the loop"). A TCP connect not answered at once is kept, one per
/// process, until it is answered or dropped.</summary>
internal sealed class ReadinessProbe
{
    /// <summary>The socket of each process's connect in flight, by process name.</summary>
    private readonly Dictionary<string, int> _inFlight = [];

    public ProbeResult Check(ProcessSpec spec) => spec.Ready switch
    {
        Readiness.Tcp t => CheckTcp(spec.Name, t.Port),
        Readiness.FileExists f => FileChecks.Exists(f.Path) ? ProbeResult.Ready : ProbeResult.NotReady,
        _ => ProbeResult.NotReady,
    };

    /// <summary>Closes the connect in flight for that process, if any.</summary>
    public void Drop(ProcessSpec spec)
    {
        if (_inFlight.Remove(spec.Name, out var fd))
        {
            TcpProbe.Drop(fd);
        }
    }

    private ProbeResult CheckTcp(string name, int port)
    {
        int fd;
        var state = _inFlight.Remove(name, out fd) ? TcpProbe.Check(fd) : TcpProbe.Begin(port, out fd);
        switch (state)
        {
            case ConnectState.InProgress:
                _inFlight[name] = fd;
                return ProbeResult.InFlight;
            case ConnectState.Connected:
                return ProbeResult.Ready;
            default:
                return ProbeResult.NotReady;
        }
    }
}
