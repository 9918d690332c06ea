using Init.Options;
using Init.Posix;
using Xunit;

namespace Init.Tests.Posix;

/// <summary>A failure is told in the system's words, never with .NET's message (a resource key in init).</summary>
public class ErrorTextTests
{
    [Fact]
    public void A_missing_file_or_directory_is_no_such_file_or_directory()
    {
        Assert.Equal("No such file or directory", ErrorText.Of(Assert.ThrowsAny<IOException>(() => File.ReadAllText("/no/such/dir/file"))));
        Assert.Equal("No such file or directory", ErrorText.Of(Assert.ThrowsAny<IOException>(() => File.ReadAllText("/no-such-file"))));
    }

    [Fact]
    public void Another_io_error_is_told_by_its_errno()
    {
        var e = Assert.ThrowsAny<IOException>(() => new FileStream("/etc/passwd", FileMode.CreateNew).Dispose());

        Assert.Equal("File exists", ErrorText.Of(e));
    }

    [Fact]
    public void Init_s_own_messages_are_kept_and_anything_else_is_named_by_its_type()
    {
        Assert.Equal("signalfd: Operation not permitted", ErrorText.Of(SystemCallFailed.FromErrno("signalfd", 1)));
        Assert.Equal("bad", ErrorText.Of(new UsageException("bad")));
        Assert.Equal("unexpected NullReferenceException", ErrorText.Of(new NullReferenceException()));
        Assert.Equal("Permission denied", ErrorText.Of(new UnauthorizedAccessException()));
    }

    [Theory]
    [InlineData(2, "No such file or directory")]
    [InlineData(13, "Permission denied")]
    [InlineData(20, "Not a directory")]
    public void Strerror_is_libc_s(int errno, string text) => Assert.Equal(text, ErrorText.Strerror(errno));
}
