using System.Globalization;
using System.Text;

namespace Init.Logging;

/// <summary>JSON values for log lines and `init status --json`, escaped per RFC 8259 (no JSON library: the
/// executable stays small).</summary>
internal static class JsonValues
{
    public static void Value(StringBuilder to, object? value)
    {
        switch (value)
        {
            case null:
                to.Append("null");
                break;
            case bool b:
                to.Append(b ? "true" : "false");
                break;
            case int or long or short or byte or uint or ulong:
                to.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                var text = new StringBuilder();
                MessageTemplate.Append(text, value);
                String(to, text.ToString());
                break;
        }
    }

    public static void String(StringBuilder to, string value)
    {
        to.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': to.Append("\\\""); break;
                case '\\': to.Append("\\\\"); break;
                case '\n': to.Append("\\n"); break;
                case '\r': to.Append("\\r"); break;
                case '\t': to.Append("\\t"); break;
                case < ' ': to.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: to.Append(c); break;
            }
        }
        to.Append('"');
    }
}
