using System.Text;

namespace Init.Logging;

/// <summary>JSON strings for log lines and `init status --json`, escaped per RFC 8259 (no JSON library: the
/// executable stays small); see <see cref="TextEscape"/> for what else is escaped and why.</summary>
internal static class JsonValues
{
    public static void String(StringBuilder to, string value) => String(to, value.AsSpan());

    public static void String(StringBuilder to, ReadOnlySpan<char> value)
    {
        to.Append('"');
        TextEscape.Append(to, value, json: true);
        to.Append('"');
    }

    /// <summary>A string built in <paramref name="from"/> (one chunk unless it grew past its capacity).</summary>
    public static void String(StringBuilder to, StringBuilder from) => String(to, TextEscape.Span(from));
}
