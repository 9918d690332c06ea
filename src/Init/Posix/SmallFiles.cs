using System.Runtime.InteropServices;
using System.Text;

namespace Init.Posix;

/// <summary>
/// Reads a small file (a /proc entry) with open/read/close and nothing else. FileStream's machinery costs
/// milliseconds on its first use, and /proc is read on the signal path (is a process stopped?).
/// </summary>
internal static unsafe partial class SmallFiles
{
    private const int ORdonly = 0, OCloexec = 0x80000, Eintr = 4;

    /// <summary>The file's text (at most 4 KB, which a /proc/PID/stat line never exceeds); null when it cannot be read.</summary>
    public static string? Read(string path)
    {
        var fd = Open(path, ORdonly | OCloexec);
        if (fd < 0)
        {
            return null;
        }
        try
        {
            const int size = 4096;
            var buffer = stackalloc byte[size];
            var used = 0;
            while (used < size)
            {
                var n = Libc.Read(fd, buffer + used, (nuint)(size - used));
                if (n < 0 && Marshal.GetLastPInvokeError() == Eintr)
                {
                    continue;
                }
                if (n <= 0)
                {
                    break;
                }
                used += (int)n;
            }
            return Encoding.UTF8.GetString(buffer, used);
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}
