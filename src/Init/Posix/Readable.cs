using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>poll(2) over the loop's few descriptors: the one place init sleeps.</summary>
internal static unsafe class Readable
{
    private const int Eintr = 4;

    /// <summary>Waits until one of <paramref name="fds"/> is readable or the timeout passes.</summary>
    /// <param name="timeoutMs">-1 waits for ever.</param>
    /// <param name="ready">set to whether each fd is readable.</param>
    public static void Wait(ReadOnlySpan<int> fds, int timeoutMs, Span<bool> ready)
    {
        var pollFds = stackalloc Libc.PollFd[fds.Length];
        for (var i = 0; i < fds.Length; i++)
        {
            pollFds[i] = new Libc.PollFd { Fd = fds[i], Events = Libc.PollIn };
        }
        var n = Libc.Poll(pollFds, (nuint)fds.Length, timeoutMs);
        if (n < 0 && Marshal.GetLastPInvokeError() != Eintr)
        {
            throw new InvalidOperationException($"poll failed (errno {Marshal.GetLastPInvokeError()})");
        }
        for (var i = 0; i < fds.Length; i++)
        {
            ready[i] = n > 0 && (pollFds[i].Revents & Libc.PollIn) != 0;
        }
    }
}
