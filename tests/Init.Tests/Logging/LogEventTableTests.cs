using System.Text.RegularExpressions;
using Init.Logging;
using Xunit;

namespace Init.Tests.Logging;

/// <summary>
/// The declared events and fields hold together (every hole names a field, no line carries a field twice),
/// and README.md's "Logging" tables say exactly what the code declares, so neither can drift: people alert
/// on these names.
/// </summary>
public partial class LogEventTableTests
{
    public static TheoryData<string> EventNames() => [.. LogEvents.All.Select(e => e.Name)];

    [Fact]
    public void Event_names_are_unique_snake_case_words() =>
        Assert.All(LogEvents.All.GroupBy(e => e.Name), g =>
        {
            Assert.Single(g);
            Assert.Matches(SnakeCase(), g.Key);
        });

    [Fact]
    public void Every_declared_event_is_listed() =>
        Assert.Equal(
            typeof(LogEvents).GetFields().Where(f => f.FieldType == typeof(LogEvent)).Select(f => ((LogEvent)f.GetValue(null)!).Name).Order(),
            LogEvents.All.Select(e => e.Name).Order());

    [Fact]
    public void Events_are_listed_most_severe_first() =>
        Assert.Equal(LogEvents.All.OrderByDescending(e => e.Level), LogEvents.All);

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Holes_name_declared_fields_and_no_field_comes_twice(string name)
    {
        var e = LogEvents.All.Single(x => x.Name == name);
        Assert.All(e.Holes, hole => Assert.NotNull(LogFields.Named(hole)));
        Assert.DoesNotContain(LogFields.Next.Name, e.Holes);
        var fields = e.Fields().ToList();
        Assert.Equal(fields.Count, fields.Distinct().Count());
        Assert.Equal(e.Holes.Count + 1, e.Literals.Count);
        Assert.DoesNotContain(e.Literals, l => l.Any(char.IsControl) || l.Contains('{') || l.Contains('}'));
    }

    [Fact]
    public void Fields_are_unique_snake_case_and_companions_are_fields() =>
        Assert.All(LogFields.All.GroupBy(f => f.Name), g =>
        {
            Assert.Single(g);
            Assert.Matches(SnakeCase(), g.Key);
            Assert.DoesNotContain(g.Key, (string[])["time", "level", "msg", "logger", "event"]);
            Assert.All(g.Single().Companions, c => Assert.NotNull(LogFields.Named(c)));
        });

    [Fact]
    public void Every_field_is_used() =>
        Assert.All(LogFields.All, f => Assert.Contains(LogEvents.All, e => e.Fields().Contains(f.Name)));

    [Fact]
    public void The_readme_field_table_is_the_declared_fields() =>
        Assert.Equal(LogFields.All.Select(f => $"| `{f.Name}` | {f.Type} | {f.Meaning} |"), ReadmeTable("#### Fields"));

    [Fact]
    public void The_readme_event_table_is_the_declared_events() =>
        Assert.Equal(
            LogEvents.All.Select(e =>
                $"| `{e.Name}` | {LogFormats.LevelName(e.Level)} | {e.Template} | {string.Join(", ", e.Fields().Select(f => $"`{f}`"))} |"),
            ReadmeTable("#### Events"));

    /// <summary>The rows (without header) of the first table under <paramref name="heading"/> in "### Logging".</summary>
    private static IEnumerable<string> ReadmeTable(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var logging = Array.IndexOf(lines, "### Logging");
        Assert.True(logging >= 0, "README.md has no '### Logging' section");
        var start = Array.IndexOf(lines, heading, logging);
        Assert.True(start >= 0, $"README.md's Logging section has no '{heading}'");
        var rows = lines.Skip(start + 1)
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Skip(2)
            .ToList();
        Assert.NotEmpty(rows);
        return rows;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Init.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Init.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex SnakeCase();
}
