using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>
/// A write-only stream over an inherited fd that calls write(2) and nothing else. FileStream would not do:
/// on a seekable fd (stdout redirected to a file) it writes at its own offset and overwrites what the
/// children wrote there. It never closes the fd: init's children share it.
/// </summary>
internal sealed unsafe class FileDescriptorStream(int fd) : Stream
{
    private const int Eintr = 4;
    private const int Eagain = 11;
    private const int WaitWritableMs = 1000;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
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
                if (errno == Eintr || (errno == Eagain && Libc.WaitWritable(fd, WaitWritableMs)))
                {
                    continue;
                }
                // A closed, broken or stuck log stream must never take PID 1 down or hold it: drop the line.
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
