using Init.Options;
using Xunit;

namespace Init.Tests.Options;

public class HelpTextTests
{
    private static readonly string[] Lines = HelpText.Text.Split('\n');

    [Fact]
    public void EveryLineFitsIn110Columns() =>
        Assert.All(Lines, line => Assert.True(line.Length <= 110, $"{line.Length} columns: {line}"));

    [Theory]
    [InlineData("  -t, --kill-timeout D        after SIGTERM/SIGINT, or once the main child has exited, wait up to D")]
    [InlineData("                              what is left")]
    [InlineData("  -g, --process-group         send signals to the child's whole process group (the default)")]
    [InlineData("      --log-level LEVEL       error, warning, info, debug or trace")]
    [InlineData("      --shutdown-delay-forward")]
    [InlineData("  -V, --version               print the version and exit")]
    [InlineData("  INIT_KILL_TIMEOUT=D          as --kill-timeout")]
    [InlineData("  INIT_SUCCESS_EXIT_CODES=\"N,...\"")]
    [InlineData("                               as --success-exit-code")]
    [InlineData("  INIT_LOG_LEVEL=LEVEL         as --log-level")]
    [InlineData("  INIT_RUNTIME_DIR=DIR         where init publishes its status (default /run/init as PID 1,")]
    [InlineData("  TINI_SUBREAPER               set to anything: as -s")]
    [InlineData("  DUMB_INIT_SETSID=0|1         0: as -c; any other value: as -g")]
    public void OptionsAndVariablesAreLaidOutInTwoColumns(string line) => Assert.Contains(line, Lines);

    [Fact]
    public void EveryOptionAndVariableIsListed()
    {
        foreach (var option in OptionTable.All)
        {
            var flag = option.Short is { } c ? $"  -{c}, {option.Long}" : $"      {option.Long}";
            Assert.Contains(Lines, l => l.StartsWith(flag, StringComparison.Ordinal));
        }
        foreach (var variable in OptionTable.Variables.Concat(OptionTable.CompatibleVariables))
        {
            Assert.Contains(Lines, l => l.StartsWith("  " + variable.Key, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("Usage: init [options] [--] command [args...]")]
    [InlineData("Options:")]
    [InlineData("Environment (flags win over INIT_*, INIT_* over the tini/dumb-init spellings):")]
    [InlineData("  INIT_SIDECARS__NAME__KEY=V   ")]
    [InlineData("Signals: ")]
    [InlineData("Readiness: ")]
    [InlineData("Sidecars: ")]
    [InlineData("Status: ")]
    [InlineData("Exit codes: ")]
    public void KeepsItsSections(string start) =>
        Assert.Contains(Lines, l => l.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void EndsWithANewline() => Assert.EndsWith(".\n", HelpText.Text);

    [Fact]
    public void VersionIsThreeNumbers() => Assert.Matches(@"^\d+\.\d+\.\d+$", HelpText.Version);

    [Fact]
    public void VersionLineNamesCommitRuntimeAndCpu() =>
        Assert.Matches(@"^init \d+\.\d+\.\d+ \(commit ([0-9a-f]{7,}|unknown), \.NET 10\.\d+\.\d+, linux-x64\)$", HelpText.VersionLine);

    [Fact]
    public void VersionIsTheAssemblysOwn() =>
        Assert.Equal(HelpText.Version, typeof(HelpText).Assembly.GetName().Version!.ToString(3));
}
