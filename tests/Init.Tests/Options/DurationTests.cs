using Init.Options;
using Xunit;

namespace Init.Tests.Options;

public class DurationTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("1500ms", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("0.5m", 30_000)]
    [InlineData("5", 5_000)]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    [InlineData("0ms", 0)]
    [InlineData("10S", 10_000)]
    [InlineData("250MS", 250)]
    [InlineData(" 10s ", 10_000)]
    [InlineData("24h", 86_400_000)]
    public void Parses(string text, long milliseconds)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("abc")]
    [InlineData("-1s")]
    [InlineData("-1")]
    [InlineData("+1s")]
    [InlineData("10x")]
    [InlineData("25h")]
    [InlineData("1441m")]
    [InlineData("s")]
    [InlineData("ms")]
    [InlineData("h")]
    [InlineData("1,5s")]
    [InlineData("1e3")]
    [InlineData("10 s")]
    [InlineData("1s5")]
    public void Rejects(string text)
    {
        Assert.False(Duration.TryParse(text, out var value));
        Assert.Equal(default, value);
    }
}
