using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>A system call init needs failed; the message is init's own ("signalfd: Operation not permitted"),
/// never one of .NET's (the executable carries resource keys instead of those, to save space).</summary>
internal sealed class SystemCallFailed(string message) : Exception(message)
{
    /// <summary>For the errno the last P/Invoke left: "WHAT: strerror".</summary>
    public static SystemCallFailed FromLastError(string what) => new($"{what}: {ErrorText.Strerror(Marshal.GetLastPInvokeError())}");

    public static SystemCallFailed FromErrno(string what, int errno) => new($"{what}: {ErrorText.Strerror(errno)}");
}
