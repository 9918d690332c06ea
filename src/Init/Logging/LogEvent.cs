namespace Init.Logging;

/// <summary>
/// One kind of line init logs: a stable name (the JSON `event` field, what people alert on), its level, and
/// its message template, whose holes name fields of <see cref="LogFields"/>: "started {process}: {command}".
/// The template is split once, at its first line, so writing a line only copies pieces; not at start-up, where
/// the constructor only stores its arguments (the whole table then costs nothing until a line is written, and
/// the runtime can lay it out at build time; docs/design.md, "Start-up and memory"). <see cref="Next"/> is what init
/// does after the exit the line reports (the `next` field), for the events that report one.
/// </summary>
internal sealed class LogEvent
{
    public LogEvent(string name, LogLevel level, string template, string? next = null)
    {
        Name = name;
        Level = level;
        Template = template;
        Next = next;
    }

    private string[]? _literals;
    private string[]? _holes;

    public string Name { get; }

    public LogLevel Level { get; }

    public string Template { get; }

    public string? Next { get; }

    /// <summary>The text before each hole, and after the last: one more than <see cref="Holes"/>.</summary>
    public IReadOnlyList<string> Literals => _literals ?? Split().Literals;

    /// <summary>The field each hole names, in order; the values of a line fill them in this order.</summary>
    public IReadOnlyList<string> Holes => _holes ?? Split().Holes;

    private (string[] Literals, string[] Holes) Split()
    {
        var literals = new List<string>();
        var holes = new List<string>();
        var start = 0;
        for (var open = Template.IndexOf('{'); open >= 0; open = Template.IndexOf('{', start))
        {
            var close = Template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }
            literals.Add(Template[start..open]);
            holes.Add(Template[(open + 1)..close]);
            start = close + 1;
        }
        literals.Add(Template[start..]);
        _literals = literals.ToArray();
        _holes = holes.ToArray();
        return (_literals, _holes);
    }

    /// <summary>Every field a line of this event can carry, in the order the JSON has them.</summary>
    public IEnumerable<string> Fields()
    {
        foreach (var hole in Holes)
        {
            yield return hole;
            foreach (var companion in LogFields.Named(hole)?.Companions ?? [])
            {
                yield return companion;
            }
        }
        if (Next is not null)
        {
            yield return LogFields.Next.Name;
        }
    }
}
