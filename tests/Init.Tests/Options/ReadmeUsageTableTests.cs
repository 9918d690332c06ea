using System.Text.RegularExpressions;
using Init.Options;
using Xunit;

namespace Init.Tests.Options;

/// <summary>README.md's "## Usage" table and <see cref="OptionTable"/> say the same, so neither can drift.</summary>
public class ReadmeUsageTableTests
{
    [Fact]
    public void The_usage_table_lists_exactly_the_flags_and_variables_of_the_option_table() =>
        Assert.Equal(TableFacts().Order(StringComparer.Ordinal), ReadmeFacts().Order(StringComparer.Ordinal));

    /// <summary>Each long flag, and the short flag and variables its row pairs it with; bare variables of rows with no flag.</summary>
    private static IEnumerable<string> TableFacts()
    {
        foreach (var option in OptionTable.All)
        {
            yield return option.Long;
            if (option.Short is { } letter)
            {
                yield return $"{option.Long} -{letter}";
            }
            foreach (var variable in option.Compatible.Prepend(option.Env).OfType<EnvVariable>())
            {
                yield return $"{option.Long} {variable.Key}";
            }
        }
        foreach (var variable in OptionTable.EnvironmentOnly)
        {
            yield return variable.Key;
        }
    }

    private static IEnumerable<string> ReadmeFacts()
    {
        foreach (var (flagCell, environmentCell) in UsageRows())
        {
            var longs = new List<string>();
            // "`-h`, `--help`; `-V`, `--version`": each part is one option, a short flag beside its long one.
            foreach (var part in flagCell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var flags = Regex.Matches(part, "`(-{1,2}[A-Za-z][A-Za-z-]*)").Select(m => m.Groups[1].Value).ToList();
                var longFlag = Assert.Single(flags, f => f.StartsWith("--", StringComparison.Ordinal));
                longs.Add(longFlag);
                yield return longFlag;
                foreach (var shortFlag in flags.Where(f => f != longFlag))
                {
                    yield return $"{longFlag} {shortFlag}";
                }
            }
            // Sidecar variables are a family read by prefix; the Sidecars section of the README lists their keys.
            var variables = Regex.Matches(environmentCell, @"\b(?:INIT|TINI|DUMB_INIT)_[A-Z_]+")
                .Select(m => m.Value)
                .Where(v => !v.StartsWith(SidecarSpecs.EnvPrefix + "__", StringComparison.Ordinal));
            foreach (var variable in variables)
            {
                if (longs.Count == 0)
                {
                    yield return variable;
                }
                foreach (var longFlag in longs)
                {
                    yield return $"{longFlag} {variable}";
                }
            }
        }
    }

    /// <summary>The flag and environment cells of the first table under "## Usage", without its header.</summary>
    private static IEnumerable<(string Flags, string Environment)> UsageRows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var usage = Array.IndexOf(lines, "## Usage");
        Assert.True(usage >= 0, "README.md has no '## Usage' section");
        var rows = lines.Skip(usage + 1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Skip(2)
            .ToList();
        Assert.NotEmpty(rows);
        return rows.Select(r => r.Split('|')).Select(cells => (cells[1], cells[2]));
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
}
