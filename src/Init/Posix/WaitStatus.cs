namespace Init.Posix;

/// <summary>Linux's wait status layout, as glibc's W* macros read it (Mono's WTERMSIG throws for real-time signals).</summary>
internal static class WaitStatus
{
    public static bool Exited(int status) => (status & 0x7f) == 0;

    public static int ExitCode(int status) => (status >> 8) & 0xff;

    public static bool Signaled(int status) => ((sbyte)((status & 0x7f) + 1) >> 1) > 0;

    public static int TermSignal(int status) => status & 0x7f;

    public static bool Stopped(int status) => (status & 0xff) == 0x7f;

    public static int StopSignal(int status) => (status >> 8) & 0xff;
}
