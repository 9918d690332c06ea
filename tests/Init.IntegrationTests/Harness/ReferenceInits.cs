namespace Init.IntegrationTests.Harness;

/// <summary>The C inits init is compared with, from Debian's packages (.ci/run installs them).</summary>
public static class ReferenceInits
{
    public const string Tini = "/usr/bin/tini";

    /// <summary>In CI a missing reference is a failure of the set-up, not a reason to skip.</summary>
    public static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";
}

/// <summary>A test that compares with tini: skipped outside CI when tini is not installed.</summary>
public sealed class TiniFactAttribute : FactAttribute
{
    public TiniFactAttribute()
    {
        if (!File.Exists(ReferenceInits.Tini) && !ReferenceInits.InCi)
        {
            Skip = "tini is not installed (apt-get install tini); .ci/run installs it";
        }
    }
}
