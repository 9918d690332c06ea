using System.Globalization;
using System.Text;

namespace Init.Logging;

/// <summary>
/// A log message as written at the call site, "started {Process}: {Command}", and the values for its holes in
/// order. Values are rendered plainly (strings without quotes), numbers invariantly.
/// </summary>
internal static class MessageTemplate
{
    /// <summary>Calls <paramref name="onHole"/> for each {Name} or {Name:format} with the value that fills it.</summary>
    public static void Render(string template, ReadOnlySpan<object?> values, StringBuilder message, Action<string, object?>? onHole = null)
    {
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                message.Append(template[i]);
                continue;
            }
            var hole = template.AsSpan(i + 1, close - i - 1);
            var colon = hole.IndexOf(':');
            var name = (colon < 0 ? hole : hole[..colon]).ToString();
            var format = colon < 0 ? null : hole[(colon + 1)..].ToString();
            var value = next < values.Length ? values[next++] : null;
            Append(message, value, format);
            onHole?.Invoke(name, value);
            i = close;
        }
    }

    public static void Append(StringBuilder to, object? value, string? format = null)
    {
        switch (value)
        {
            case null:
                to.Append("null");
                break;
            case IFormattable formattable:
                to.Append(formattable.ToString(format, CultureInfo.InvariantCulture));
                break;
            default:
                to.Append(value);
                break;
        }
    }
}
