using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>What poll(2) said of one descriptor.</summary>
internal enum FdState
{
    Quiet,
    Readable,

    /// <summary>Error, hang-up or not open: poll would report it again at once, for ever.</summary>
    Broken,
}

/// <summary>poll(2) over the loop's few descriptors: the one place init sleeps.</summary>
internal static unsafe class Readable
{
    private const short PollErr = 8, PollHup = 16, PollNval = 32;

    /// <summary>Waits until one of <paramref name="fds"/> is readable (or broken) or the timeout passes.</summary>
    /// <param name="timeoutMs">-1 waits for ever.</param>
    /// <param name="states">set to what became of each fd.</param>
    /// <exception cref="SystemCallFailed">poll itself failed (ENOMEM).</exception>
    public static void Wait(ReadOnlySpan<int> fds, int timeoutMs, Span<FdState> states)
    {
        var pollFds = stackalloc Libc.PollFd[fds.Length];
        for (var i = 0; i < fds.Length; i++)
        {
            pollFds[i] = new Libc.PollFd { Fd = fds[i], Events = Abi.PollIn };
            states[i] = FdState.Quiet;
        }
        var n = Libc.Poll(pollFds, (nuint)fds.Length, timeoutMs);
        if (n < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Abi.Eintr)
            {
                throw SystemCallFailed.FromErrno("poll", errno);
            }
            return;
        }
        for (var i = 0; i < fds.Length; i++)
        {
            var revents = pollFds[i].Revents;
            states[i] = (revents & Abi.PollIn) != 0 ? FdState.Readable
                : (revents & (PollErr | PollHup | PollNval)) != 0 ? FdState.Broken
                : FdState.Quiet;
        }
    }
}
