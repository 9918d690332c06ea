using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>
/// What a failure says to a user. The executable is built with UseSystemResourceKeys, so .NET's own exception
/// messages are resource keys (IO_FileNotFound_FileName): never shown. An I/O error is told as the system tells
/// it (strerror: "No such file or directory"); init's own exceptions keep their messages.
/// </summary>
internal static class ErrorText
{

    /// <summary>libc's own text ("No such file or directory"); also before Mono.Posix's helper is loaded.</summary>
    public static string Strerror(int errno) => Marshal.PtrToStringUTF8(Libc.Strerror(errno)) ?? $"error {errno}";

    public static string Of(Exception e) => e switch
    {
        SystemCallFailed or Options.UsageException => e.Message,
        FileNotFoundException or DirectoryNotFoundException => Strerror(Abi.Enoent),
        UnauthorizedAccessException => Strerror(Abi.Eacces),
        PathTooLongException => Strerror(Abi.Enametoolong),
        // On Linux .NET puts the errno of a plain I/O error in HResult.
        IOException { HResult: > 0 and < 4096 } io => Strerror(io.HResult),
        IOException => Strerror(Abi.Eio),
        DllNotFoundException or EntryPointNotFoundException => "a native library or function could not be loaded",
        _ => $"unexpected {e.GetType().Name}",
    };
}
