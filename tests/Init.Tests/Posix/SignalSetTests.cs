using System.Runtime.CompilerServices;
using Init.Posix;
using Xunit;

namespace Init.Tests.Posix;

public class SignalSetTests
{
    /// <summary>The C side copies glibc's sigset_t into it whole.</summary>
    [Fact]
    public void IsGlibcsSize() => Assert.Equal(128, Unsafe.SizeOf<SignalSet>());
}
