using System.Globalization;
using System.Text;

namespace Init.Logging;

/// <summary>Values in log lines: a command line or a notify message may hold anything, and a line must stay one
/// line on any terminal (control characters, C0, DEL and C1, as \n, \r, \t, else \xHH in text and \u00HH in
/// JSON) of valid UTF-8 (a lone surrogate, which has no UTF-8, as U+FFFD). JSON also escapes " and \.</summary>
internal static class TextEscape
{
    public static void Append(StringBuilder to, StringBuilder from) => Append(to, Span(from), json: false);

    public static void Append(StringBuilder to, ReadOnlySpan<char> value, bool json)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"' or '\\' when json: to.Append('\\').Append(c); break;
                case '\n': to.Append("\\n"); break;
                case '\r': to.Append("\\r"); break;
                case '\t': to.Append("\\t"); break;
                case var _ when char.IsControl(c) && json:
                    to.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                case var _ when char.IsControl(c):
                    to.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    break;
                case var _ when char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    to.Append(c).Append(value[++i]);
                    break;
                case var _ when char.IsSurrogate(c): to.Append('\uFFFD'); break;
                default: to.Append(c); break;
            }
        }
    }

    /// <summary>The builder's text without a copy when it is one chunk (a reused builder nearly always is).</summary>
    public static ReadOnlySpan<char> Span(StringBuilder from)
    {
        var chunks = from.GetChunks();
        if (!chunks.MoveNext())
        {
            return [];
        }
        var first = chunks.Current;
        return chunks.MoveNext() ? from.ToString().AsSpan() : first.Span;
    }
}
