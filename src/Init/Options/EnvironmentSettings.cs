using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;

namespace Init.Options;

/// <summary>
/// Settings from the environment, as Kubernetes manifests set them: INIT_* first, then the spellings tini
/// and dumb-init users already have in their manifests. Variables are read one by one, as <see cref="OptionTable"/>
/// lists them (the configuration binder uses reflection, which NativeAOT cannot keep).
/// </summary>
internal static class EnvironmentSettings
{
    /// <summary>Status/ reads it itself: `init status` runs without Settings.</summary>
    public const string RuntimeDirKey = "INIT_RUNTIME_DIR";

    public static readonly IReadOnlySet<string> KnownInitKeys =
        OptionTable.Variables.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);

    public static IConfiguration FromProcessEnvironment() =>
        new ConfigurationBuilder().AddEnvironmentVariables().Build();

    /// <summary>INIT_* layered over the TINI_*/DUMB_INIT_* spellings.</summary>
    public static Settings Read(IConfiguration env) => ReadInit(env).Over(ReadCompatible(env));

    public static Settings ReadInit(IConfiguration env) =>
        ReadEach(env, OptionTable.Variables) with { Sidecars = ReadSidecars(env) };

    /// <summary>INIT_SIDECARS__NAME__KEY (the provider turns "__" into ":"); names in alphabetical order.</summary>
    private static ImmutableList<SidecarDeclaration>? ReadSidecars(IConfiguration env)
    {
        var section = env.GetSection(SidecarSpecs.EnvPrefix);
        var declarations = ImmutableList<SidecarDeclaration>.Empty;
        foreach (var sidecar in section.GetChildren())
        {
            var prefix = $"{SidecarSpecs.EnvPrefix}__{sidecar.Key}";
            var declaration = SidecarDeclaration.Empty(SidecarSpecs.CheckName(sidecar.Key, prefix));
            foreach (var (path, value) in sidecar.AsEnumerable(makePathsRelative: true))
            {
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }
                var source = $"{prefix}__{path.Replace(":", "__", StringComparison.Ordinal)}";
                declaration = declaration.With(SidecarSpecs.NormaliseKey(path, source), new SourcedValue(value, source));
            }
            if (!declaration.Values.IsEmpty)
            {
                declarations = declarations.Add(declaration);
            }
        }
        return declarations.IsEmpty ? null : declarations;
    }

    /// <summary>The TINI_*/DUMB_INIT_* spellings, each with its tool's meaning (see <see cref="OptionTable"/>).</summary>
    public static Settings ReadCompatible(IConfiguration env) => ReadEach(env, OptionTable.CompatibleVariables);

    /// <summary>In order, so a later variable wins where two say the same thing.</summary>
    private static Settings ReadEach(IConfiguration env, IEnumerable<EnvVariable> variables)
    {
        var settings = Settings.None;
        foreach (var variable in variables)
        {
            // An empty value (`value: ""` in a manifest, `docker run -e VAR=`) means the variable is not set.
            if (variable.Read is { } read && env[variable.Key] is { Length: > 0 } value)
            {
                settings = read(settings, variable.Key, value);
            }
        }
        return settings;
    }

    /// <summary>INIT_* variables init does not know: a typo in a manifest should not pass silently.</summary>
    public static IReadOnlyList<string> UnknownInitKeys(IConfiguration env)
    {
        var unknown = new List<string>();
        foreach (var (key, value) in env.AsEnumerable())
        {
            // The provider turns "__" into ":"; show the variable as it was written.
            if (!string.IsNullOrEmpty(value) && key.StartsWith("INIT_", StringComparison.Ordinal) && !KnownInitKeys.Contains(key) &&
                !key.StartsWith(SidecarSpecs.EnvPrefix + ":", StringComparison.OrdinalIgnoreCase))
            {
                unknown.Add(key.Replace(":", "__", StringComparison.Ordinal));
            }
        }
        unknown.Sort(StringComparer.Ordinal);
        return unknown;
    }
}
