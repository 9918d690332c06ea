using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>
/// A write-only stream over an inherited fd that calls write(2) and nothing else. FileStream would not do:
/// on a seekable fd (stdout redirected to a file) it writes at its own offset and overwrites what the
/// children wrote there. It never closes the fd: init's children share it.
/// With <c>neverBlock</c> (init's log on stderr) a write never waits for a reader: a stalled log reader
/// (Docker's log driver with a full buffer, a stuck `kubectl logs` pipe) must not stop init acting on signals.
/// It writes only what the fd takes at once, in pieces of at most PIPE_BUF (a pipe with room for one takes it
/// whole), keeps a small backlog, drops beyond it, and says how many lines it dropped once writing works again.
/// O_NONBLOCK is never set: the children share the open file and would see it.
/// </summary>
internal sealed unsafe class FileDescriptorStream(int fd, bool neverBlock = false) : Stream
{
    private const int WaitWritableMs = 1000;
    private const int PipeBuf = 4096;
    private const int MaxBacklog = 64 * 1024;

    private readonly Queue<byte[]> _backlog = new();
    private int _backlogBytes;
    private long _droppedLines;

    /// <summary>The line that says how many lines were dropped, in the log's format (set by the log's owner).</summary>
    public Func<long, string>? DroppedNote { get; set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!neverBlock)
        {
            WriteAll(buffer);
            return;
        }
        if (FlushBacklog() && _droppedLines > 0 && DroppedNote is { } describe)
        {
            var note = System.Text.Encoding.UTF8.GetBytes(describe(_droppedLines));
            _droppedLines = 0;
            Keep(note);
            FlushBacklog();
        }
        Keep(buffer);
        FlushBacklog();
    }

    /// <summary>Queues a piece, or counts it as dropped when the backlog is full.</summary>
    private void Keep(ReadOnlySpan<byte> piece)
    {
        if (_backlogBytes + piece.Length > MaxBacklog)
        {
            _droppedLines += Math.Max(1, piece.Count((byte)'\n'));
            return;
        }
        _backlog.Enqueue(piece.ToArray());
        _backlogBytes += piece.Length;
    }

    /// <returns>true when the backlog is empty now.</returns>
    private bool FlushBacklog()
    {
        while (_backlog.Count > 0)
        {
            var piece = _backlog.Peek();
            var written = WriteWhatFits(piece);
            if (written < piece.Length)
            {
                _backlog.Dequeue();
                var rest = piece[written..];
                // Put the rest back in front: the order of lines is kept.
                var others = _backlog.ToArray();
                _backlog.Clear();
                _backlog.Enqueue(rest);
                foreach (var other in others)
                {
                    _backlog.Enqueue(other);
                }
                _backlogBytes -= written;
                return false;
            }
            _backlog.Dequeue();
            _backlogBytes -= piece.Length;
        }
        return true;
    }

    /// <summary>Writes pieces of at most PIPE_BUF while the fd says it has room; never waits.</summary>
    private int WriteWhatFits(ReadOnlySpan<byte> data)
    {
        var done = 0;
        fixed (byte* start = data)
        {
            while (done < data.Length && Libc.WaitWritable(fd, 0))
            {
                var n = Libc.Write(fd, start + done, (nuint)Math.Min(PipeBuf, data.Length - done));
                if (n > 0)
                {
                    done += (int)n;
                }
                else if (n < 0 && Marshal.GetLastPInvokeError() != Abi.Eintr)
                {
                    return data.Length; // closed or broken: nothing will ever read it, so nothing is kept
                }
            }
        }
        return done;
    }

    private void WriteAll(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var n = Libc.Write(fd, start + done, (nuint)(buffer.Length - done));
                if (n >= 0)
                {
                    done += (int)n;
                    continue;
                }
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Abi.Eintr || (errno == Abi.Eagain && Libc.WaitWritable(fd, WaitWritableMs)))
                {
                    continue;
                }
                // A closed, broken or stuck stream must never take PID 1 down or hold it: drop the rest.
                return;
            }
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
