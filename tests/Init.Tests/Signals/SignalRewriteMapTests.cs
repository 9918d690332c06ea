using System.Collections.Immutable;
using Init.Signals;
using Xunit;

namespace Init.Tests.Signals;

public class SignalRewriteMapTests
{
    private static SignalRewriteMap Map(params (int From, int To)[] entries) =>
        new(entries.ToImmutableDictionary(e => e.From, e => e.To));

    private static KeyValuePair<int, int> Entry(int from, int to) => new(from, to);

    [Fact]
    public void ApplyRewritesMappedSignals()
    {
        var map = Map((15, 3), (10, SignalRewriteMap.Drop));

        Assert.Equal(3, map.Apply(15));
        Assert.Equal(0, map.Apply(10));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(35)]
    public void ApplyPassesOthersOnUnchanged(int signal) => Assert.Equal(signal, Map((15, 3)).Apply(signal));

    [Fact]
    public void EmptyChangesNothing()
    {
        Assert.Empty(SignalRewriteMap.Empty.Entries);
        for (var signal = 1; signal <= 64; signal++)
        {
            Assert.Equal(signal, SignalRewriteMap.Empty.Apply(signal));
        }
    }

    [Fact]
    public void WithAddsAndLaterEntriesWin()
    {
        var original = Map((15, 3), (1, 12));

        var combined = original.With([Entry(15, 2), Entry(10, 0)]);

        Assert.Equal(2, combined.Apply(15));
        Assert.Equal(12, combined.Apply(1));
        Assert.Equal(0, combined.Apply(10));
        Assert.Equal(3, combined.Entries.Count);
    }

    [Fact]
    public void WithinOneCallTheLastEntryWins() =>
        Assert.Equal(1, SignalRewriteMap.Empty.With([Entry(15, 3), Entry(15, 1)]).Apply(15));

    [Fact]
    public void WithLeavesTheOriginalAlone()
    {
        var original = Map((15, 3));

        _ = original.With([Entry(15, 2), Entry(10, 0)]);

        Assert.Equal(3, original.Apply(15));
        Assert.Equal(10, original.Apply(10));
    }

    [Fact]
    public void WithLeavesEmptyEmpty()
    {
        _ = SignalRewriteMap.Empty.With([Entry(15, 2)]);

        Assert.Empty(SignalRewriteMap.Empty.Entries);
    }
}
