using Xunit;

namespace Init.Tests;

/// <summary>
/// init's start-up cost grows with the code compiled into it (docs/design.md, "Start-up and memory"): LINQ
/// and System.Collections.Immutable brought 250 KB of it and the runtime's type loader, for what loops and
/// plain collections do. Init.csproj drops the System.Linq using; this keeps both out for good.
/// </summary>
public class AssemblyReferencesTests
{
    [Theory]
    [InlineData("System.Linq")]
    [InlineData("System.Collections.Immutable")]
    public void InitDoesNotReference(string assembly)
    {
        var referenced = typeof(Program).Assembly.GetReferencedAssemblies();
        Assert.DoesNotContain(referenced, name => name.Name == assembly);
    }
}
