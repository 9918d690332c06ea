using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Init.Posix;
using Xunit;

namespace Init.Tests.Posix;

public class SignalSetTests
{
    /// <summary>The set as glibc sees it: sixteen 64-bit words, bit (N-1) for signal N.</summary>
    private static ulong[] Words(SignalSet set) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<SignalSet, ulong>(ref set), 16).ToArray();

    [Fact]
    public void IsGlibcsSize() => Assert.Equal(128, Unsafe.SizeOf<SignalSet>());

    [Fact]
    public void StartsEmpty()
    {
        var set = new SignalSet();

        Assert.All(Words(set), w => Assert.Equal(0UL, w));
        for (var signal = 1; signal <= 1024; signal++)
        {
            Assert.False(set.Contains(signal));
        }
    }

    [Theory]
    [InlineData(1, 0, 1UL)]
    [InlineData(15, 0, 1UL << 14)]
    [InlineData(64, 0, 1UL << 63)]
    [InlineData(65, 1, 1UL)]
    [InlineData(128, 1, 1UL << 63)]
    [InlineData(129, 2, 1UL)]
    [InlineData(1024, 15, 1UL << 63)]
    public void AddSetsTheOneBit(int signal, int word, ulong bit)
    {
        var set = new SignalSet();

        set.Add(signal);

        var words = Words(set);
        Assert.Equal(bit, words[word]);
        Assert.Equal(1, words.Count(w => w != 0));
        Assert.True(set.Contains(signal));
    }

    [Fact]
    public void AddContainsRemoveAcrossWordBoundaries()
    {
        int[] signals = [1, 64, 65, 128];
        var set = SignalSet.Of(signals);

        for (var signal = 1; signal <= 130; signal++)
        {
            Assert.Equal(signals.Contains(signal), set.Contains(signal));
        }

        set.Remove(64);
        Assert.False(set.Contains(64));
        Assert.True(set.Contains(1));
        Assert.True(set.Contains(65));
        Assert.True(set.Contains(128));

        set.Remove(65);
        Assert.False(set.Contains(65));
        Assert.True(set.Contains(1));
        Assert.True(set.Contains(128));

        set.Remove(1);
        set.Remove(128);
        Assert.All(Words(set), w => Assert.Equal(0UL, w));
    }

    [Fact]
    public void AddIsIdempotentAndRemoveOfAbsentIsHarmless()
    {
        var set = new SignalSet();
        set.Add(15);
        set.Add(15);
        set.Remove(16);

        Assert.Equal([1UL << 14], Words(set).Where(w => w != 0));
    }

    [Fact]
    public void OfIsAValueCopy()
    {
        var a = SignalSet.Of([15]);
        var b = a;
        b.Add(2);

        Assert.False(a.Contains(2));
        Assert.True(b.Contains(2));
    }

    [Fact]
    public void FromProcMask()
    {
        // /proc/PID/status "SigIgn: 0000000000001000" is SIGPIPE (13) alone.
        var set = SignalSet.FromProcMask(0x1000);

        Assert.True(set.Contains(13));
        Assert.Equal([13], Enumerable.Range(1, 128).Where(set.Contains));
    }

    [Fact]
    public void FromProcMaskCoversSignals1To64Only()
    {
        var set = SignalSet.FromProcMask(ulong.MaxValue);

        Assert.True(set.Contains(1));
        Assert.True(set.Contains(64));
        Assert.False(set.Contains(65));
        Assert.Equal(64, Enumerable.Range(1, 1024).Count(set.Contains));
    }

    [Fact]
    public void FromProcMaskOfRealTimeSignals()
    {
        var set = SignalSet.FromProcMask((1UL << 34) | (1UL << 63));

        Assert.Equal([35, 64], Enumerable.Range(1, 128).Where(set.Contains));
    }
}
