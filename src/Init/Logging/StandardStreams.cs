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
    public static TextWriter Out => Stdout.Writer;

    /// <summary>One-line errors before anything starts: written whole, as any program's.</summary>
    public static TextWriter Error => Stderr.Writer;

    private static readonly FileDescriptorStream LogStream = new(2, neverBlock: true);

    /// <summary>The log of a running init: never waits for a stalled reader (see FileDescriptorStream). Its
    /// buffer holds a whole line of up to 1024 characters (at most 3 KB of UTF-8, under PIPE_BUF), so such a
    /// line reaches a pipe in one write(2) and a child writing to the same stderr cannot split it.</summary>
    public static TextWriter Log { get; } = Writer(LogStream, bufferSize: 1024);

    /// <summary>The stream's note on lines it had to drop is a line of <paramref name="log"/>'s, in its format.</summary>
    public static void NoteDroppedLinesIn(Log log) => LogStream.DroppedNote = count => log.Line(LogEvents.LogLinesDropped, count);

    // A run that only supervises never writes to these two: each is made on first use, not at start-up
    // (docs/design.md, "Start-up and memory").
    private static class Stdout
    {
        public static readonly TextWriter Writer = StandardStreams.Writer(new FileDescriptorStream(1));
    }

    private static class Stderr
    {
        public static readonly TextWriter Writer = StandardStreams.Writer(new FileDescriptorStream(2));
    }

    private static TextWriter Writer(Stream stream, int bufferSize = 256) =>
        new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize)
        {
            AutoFlush = true,
        };
}
