using Init.Options;
using Xunit;

namespace Init.Tests.Options;

public class OptionTableTests
{
    [Fact]
    public void EachSpellingBelongsToOneOption()
    {
        Assert.Equal(OptionTable.All.Count, OptionTable.All.Select(o => o.Long).Distinct().Count());
        var shorts = OptionTable.All.Select(o => o.Short).OfType<char>().ToList();
        Assert.Equal(shorts.Count, shorts.Distinct().Count());
        // Options may share a variable (-g and -c), but then as one declaration, read once.
        var variables = OptionTable.Variables.Concat(OptionTable.CompatibleVariables).Select(v => v.Key).ToList();
        Assert.Equal(variables.Count, variables.Distinct().Count());
    }

    [Fact]
    public void VariablesAreInitOnesAndCompatibleOnesAreTinisOrDumbInits()
    {
        Assert.All(OptionTable.Variables, v => Assert.StartsWith("INIT_", v.Key));
        Assert.All(OptionTable.CompatibleVariables, v => Assert.Matches("^(TINI|DUMB_INIT)_", v.Key));
    }

    [Fact]
    public void EveryOptionHasHelp() => Assert.All(OptionTable.All, o => Assert.NotEmpty(o.Help));

    [Fact]
    public void OnlyTheRuntimeDirectoryIsReadOutsideTheTable() =>
        Assert.Equal([EnvironmentSettings.RuntimeDirKey], OptionTable.Variables.Where(v => v.Read is null).Select(v => v.Key));
}
