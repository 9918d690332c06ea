using Init.Posix;
using Mono.Unix.Native;
using Xunit;

namespace Init.Tests.Posix;

public class MonoPosixHelperLoaderTests
{
    [Fact]
    public void TheHelperIsEmbeddedInInit() =>
        Assert.Contains("libMonoPosixHelper.so", typeof(MonoPosixHelperLoader).Assembly.GetManifestResourceNames());

    [Fact]
    public void TheHelperIsNotBesideTheTests()
    {
        // Otherwise these tests would pass on the packaged copy, not on the one init loads from memory.
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "libMonoPosixHelper.so")),
            "libMonoPosixHelper.so was copied to the test output; the tests no longer exercise the embedded copy");
    }

    [Fact]
    public void LoadIsIdempotentAndMonoPosixWorks()
    {
        MonoPosixHelperLoader.Load();
        MonoPosixHelperLoader.Load();

        Assert.Equal(15, NativeConvert.FromSignum(Signum.SIGTERM));
        Assert.Equal(Signum.SIGKILL, NativeConvert.ToSignum(9));
    }
}
