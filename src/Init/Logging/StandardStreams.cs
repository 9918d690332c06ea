using System.Text;
using Init.Posix;

namespace Init.Logging;

/// <summary>
/// Points Console.Out and Console.Error at raw fds 1 and 2 before anything touches System.Console. The
/// console's own terminal set-up installs a SIGCHLD handler, and with one installed the runtime reaps every
/// child itself when it is PID 1, losing the main child's exit status (docs/design.md, "The loop"). Must run first.
/// </summary>
internal static class StandardStreams
{
    public static void Redirect()
    {
        Console.SetOut(Writer(1));
        Console.SetError(Writer(2));
    }

    private static TextWriter Writer(int fd) =>
        new StreamWriter(new FileDescriptorStream(fd), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 256)
        {
            AutoFlush = true,
        };
}
