using System.Text;
using Init.Posix;

namespace Init.Logging;

/// <summary>
/// init's stdout and stderr: writers straight over fds 1 and 2 that call write(2) and nothing else. init never
/// uses System.Console: its terminal set-up installs a SIGCHLD handler, and with one installed the runtime
/// reaps every child itself when it is PID 1, losing the main child's exit status (docs/design.md, "The
/// loop"); it also drags user look-ups (terminfo in $HOME) into the static executable.
/// </summary>
internal static class StandardStreams
{
    public static TextWriter Out { get; } = Writer(new FileDescriptorStream(1));

    /// <summary>One-line errors before anything starts: written whole, as any program's.</summary>
    public static TextWriter Error { get; } = Writer(new FileDescriptorStream(2));

    /// <summary>The log of a running init: never waits for a stalled reader (see FileDescriptorStream).</summary>
    public static TextWriter Log { get; } = Writer(new FileDescriptorStream(2, neverBlock: true));

    private static TextWriter Writer(Stream stream) =>
        new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 256)
        {
            AutoFlush = true,
        };
}
