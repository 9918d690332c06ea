using System.Reflection;
using System.Runtime.InteropServices;
using Mono.Unix.Native;

namespace Init.Posix;

/// <summary>
/// Mono.Posix P/Invokes a native helper, libMonoPosixHelper.so. init must stay one file, so the helper is
/// embedded and loaded from an anonymous memory file. Done once at start-up: a failure here must end init
/// before any child starts, never in the middle of a shutdown.
/// </summary>
internal static unsafe class MonoPosixHelperLoader
{
    private const string ResourceName = "libMonoPosixHelper.so";
    private static nint s_handle;

    public static void Load()
    {
        if (s_handle != 0)
        {
            return;
        }

        // The resource is part of the mapped executable: write it to the memfd from there, without a copy.
        using var resource = typeof(MonoPosixHelperLoader).Assembly.GetManifestResourceStream(ResourceName) as UnmanagedMemoryStream
            ?? throw new SystemCallFailed($"embedded {ResourceName} is missing from this build");

        if (!Directory.Exists("/proc/self/fd"))
        {
            throw new SystemCallFailed("/proc is not mounted (Mono.Posix's helper is loaded through /proc/self/fd)");
        }
        var name = "MonoPosixHelper\0"u8;
        int fd;
        fixed (byte* namePtr = name)
        {
            fd = Libc.MemfdCreate(namePtr, Libc.MfdCloexec);
        }
        if (fd < 0)
        {
            throw SystemCallFailed.FromLastError("memfd_create");
        }

        try
        {
            WriteAll(fd, resource.PositionPointer, resource.Length);
            // dlopen keeps its own mapping; the fd can go once the library is loaded.
            s_handle = NativeLibrary.TryLoad($"/proc/self/fd/{fd}", out var handle)
                ? handle
                : throw new SystemCallFailed("the embedded Mono.Posix helper could not be loaded");
        }
        finally
        {
            Libc.Close(fd);
        }

        NativeLibrary.SetDllImportResolver(typeof(Syscall).Assembly, Resolve);
        // Touch the helper now, so a broken load fails here rather than at the first signal.
        _ = NativeConvert.FromSignum(Signum.SIGTERM);
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName.Contains("MonoPosixHelper", StringComparison.Ordinal) ? s_handle : 0;

    private static void WriteAll(int fd, byte* start, long length)
    {
        long written = 0;
        while (written < length)
        {
            var n = Libc.Write(fd, start + written, (nuint)(length - written));
            if (n < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == 4 /* EINTR */)
                {
                    continue;
                }
                throw SystemCallFailed.FromErrno("writing the embedded helper", errno);
            }
            written += n;
        }
    }
}
