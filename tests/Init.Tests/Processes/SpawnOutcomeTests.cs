using Init.Processes;
using Mono.Unix.Native;
using Xunit;

namespace Init.Tests.Processes;

public class SpawnOutcomeTests
{
    [Theory]
    [InlineData(Errno.ENOENT, 127)]
    [InlineData(Errno.ENOTDIR, 127)]
    [InlineData(Errno.EACCES, 126)]
    [InlineData(Errno.ENOEXEC, 126)]
    [InlineData(Errno.EPERM, 126)]
    [InlineData(Errno.ELOOP, 126)]
    public void ExitCodeIsTheShells(Errno error, int expected)
    {
        var outcome = SpawnOutcome.Failed(NativeConvert.FromErrno(error));

        Assert.False(outcome.Started);
        Assert.Equal(expected, outcome.ExitCode);
    }

    [Fact]
    public void StartedWithAPid()
    {
        Assert.True(new SpawnOutcome(42, 0).Started);
        Assert.False(new SpawnOutcome(0, 0).Started);
    }
}
