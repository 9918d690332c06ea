using System.Globalization;
using System.Text;

namespace Init.Status;

/// <summary>
/// A few lines of JSON writing for `init status --json`, instead of System.Text.Json: that library costs init
/// about half a megabyte, for one small flat document.
/// </summary>
internal sealed class JsonText
{
    private readonly StringBuilder _text = new();
    private readonly Stack<bool> _first = new();
    private int _depth;

    public JsonText BeginObject(string? name = null) => Open(name, '{');

    public JsonText EndObject() => Close('}');

    public JsonText BeginArray(string name) => Open(name, '[');

    public JsonText EndArray() => Close(']');

    public JsonText Field(string name, string? value) => Raw(name, value is null ? "null" : Quote(value));

    public JsonText Field(string name, long value) => Raw(name, value.ToString(CultureInfo.InvariantCulture));

    public JsonText Field(string name, double? value) =>
        Raw(name, value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "null");

    public JsonText Field(string name, bool value) => Raw(name, value ? "true" : "false");

    public override string ToString() => _text.ToString();

    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        Logging.JsonValues.String(text, value);
        return text.ToString();
    }

    private JsonText Open(string? name, char bracket)
    {
        Separate(name);
        _text.Append(bracket);
        _first.Push(true);
        _depth++;
        return this;
    }

    private JsonText Close(char bracket)
    {
        _depth--;
        var empty = _first.Pop();
        if (!empty)
        {
            _text.Append('\n').Append(' ', _depth * 2);
        }
        _text.Append(bracket);
        if (_depth == 0)
        {
            _text.Append('\n');
        }
        return this;
    }

    private JsonText Raw(string name, string value)
    {
        Separate(name);
        _text.Append(value);
        return this;
    }

    private void Separate(string? name)
    {
        if (_first.Count > 0)
        {
            if (!_first.Pop())
            {
                _text.Append(',');
            }
            _first.Push(false);
            _text.Append('\n').Append(' ', _depth * 2);
        }
        if (name is not null)
        {
            _text.Append(Quote(name)).Append(": ");
        }
    }
}
