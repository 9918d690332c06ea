using System.Globalization;

namespace Init.Options;

/// <summary>Durations as users write them: <c>10s</c>, <c>1500ms</c>, <c>2m</c>, <c>1h</c>, <c>1.5s</c>; a bare number is seconds.
/// The log writes them back in these spellings (Logging/LogValue.cs).</summary>
internal static class Duration
{
    private static readonly TimeSpan Max = TimeSpan.FromDays(1);

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        var s = text.Trim().ToLowerInvariant();
        double scale;
        if (s.EndsWith("ms", StringComparison.Ordinal)) { scale = 0.001; s = s[..^2]; }
        else if (s.EndsWith('s')) { scale = 1; s = s[..^1]; }
        else if (s.EndsWith('m')) { scale = 60; s = s[..^1]; }
        else if (s.EndsWith('h')) { scale = 3600; s = s[..^1]; }
        else { scale = 1; }

        if (s.Length == 0 ||
            !double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        var seconds = number * scale;
        if (double.IsNaN(seconds) || seconds < 0 || seconds > Max.TotalSeconds)
        {
            return false;
        }
        value = TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
        return true;
    }
}
