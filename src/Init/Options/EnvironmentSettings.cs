namespace Init.Options;

/// <summary>
/// Settings from the environment, as Kubernetes manifests set them: INIT_* first, then the spellings tini
/// and dumb-init users already have in their manifests. Variables are read one by one, as <see cref="OptionTable"/>
/// lists them (no configuration library: init reads a handful of names).
/// </summary>
internal static class EnvironmentSettings
{
    /// <summary>Status/ reads it itself: `init status` runs without Settings.</summary>
    public const string RuntimeDirKey = "INIT_RUNTIME_DIR";

    public static readonly IReadOnlySet<string> KnownInitKeys = KeysOf(OptionTable.Variables);

    private static HashSet<string> KeysOf(IReadOnlyList<EnvVariable> variables)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            keys.Add(variable.Key);
        }
        return keys;
    }

    /// <summary>How every variable init reads is named: INIT_*, and tini's and dumb-init's spellings. No other
    /// variable is decoded at start-up (a unit test checks that <see cref="OptionTable"/> keeps to these).</summary>
    public static readonly string[] Prefixes = ["INIT_", "TINI_", "DUMB_INIT_"];

    /// <summary>The process's variables named as init's are (<see cref="Prefixes"/>), names as written (case
    /// matters, as it does to every Unix program), values byte for byte (a sidecar's COMMAND reaches it exactly).</summary>
    public static IReadOnlyDictionary<string, string> FromProcessEnvironment() => Posix.ProcessStrings.Environment(Prefixes);

    /// <summary>INIT_* layered over the TINI_*/DUMB_INIT_* spellings.</summary>
    public static Settings Read(IReadOnlyDictionary<string, string> env) => ReadInit(env).Over(ReadCompatible(env));

    public static Settings ReadInit(IReadOnlyDictionary<string, string> env) =>
        ReadEach(env, OptionTable.Variables) with { Sidecars = ReadSidecars(env) };

    /// <summary>INIT_SIDECARS__NAME__KEY (KEY may be ENV__VAR); sidecars in the order of their names.</summary>
    private static IReadOnlyList<SidecarDeclaration>? ReadSidecars(IReadOnlyDictionary<string, string> env)
    {
        var prefix = SidecarSpecs.EnvPrefix + "__";
        var byName = new SortedDictionary<string, SidecarDeclaration>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, value) in env)
        {
            // An empty value (`value: ""` in a manifest) means the setting is not there.
            var cut = variable.StartsWith(prefix, StringComparison.Ordinal) ? variable.IndexOf("__", prefix.Length, StringComparison.Ordinal) : -1;
            if (cut < 0 || value.Length == 0)
            {
                continue;
            }
            var name = variable[prefix.Length..cut];
            var declaration = byName.TryGetValue(name, out var known)
                ? known
                : SidecarDeclaration.Empty(SidecarSpecs.CheckName(name, prefix + name));
            var key = SidecarSpecs.NormaliseKey(variable[(cut + 2)..].Replace("__", ":", StringComparison.Ordinal), variable);
            if (declaration.Values.TryGetValue(key, out var other))
            {
                // Names and keys are matched ignoring case, and which of two spellings would win depends on the
                // order the environment happens to list them: refuse rather than guess.
                var (first, second) = string.CompareOrdinal(other.Source, variable) < 0 ? (other.Source, variable) : (variable, other.Source);
                throw new UsageException($"{first} and {second} set the same sidecar setting; keep one");
            }
            byName[name] = declaration.With(key, new SourcedValue(value, variable));
        }
        return byName.Count == 0 ? null : new List<SidecarDeclaration>(byName.Values);
    }

    /// <summary>The TINI_*/DUMB_INIT_* spellings, each with its tool's meaning (see <see cref="OptionTable"/>).</summary>
    public static Settings ReadCompatible(IReadOnlyDictionary<string, string> env) => ReadEach(env, OptionTable.CompatibleVariables);

    /// <summary>In order, so a later variable wins where two say the same thing.</summary>
    private static Settings ReadEach(IReadOnlyDictionary<string, string> env, IReadOnlyList<EnvVariable> variables)
    {
        var settings = Settings.None;
        for (var i = 0; i < variables.Count; i++)
        {
            var variable = variables[i];
            // An empty value (`value: ""` in a manifest, `docker run -e VAR=`) means the variable is not set.
            if (variable.Read is { } read && env.TryGetValue(variable.Key, out var value) && value.Length > 0)
            {
                settings = read(settings, variable.Key, value);
            }
        }
        return settings;
    }

    /// <summary>INIT_* variables init does not know: a typo in a manifest should not pass silently.</summary>
    public static IReadOnlyList<string> UnknownInitKeys(IReadOnlyDictionary<string, string> env)
    {
        var unknown = new List<string>();
        foreach (var (key, value) in env)
        {
            if (value.Length > 0 && key.StartsWith("INIT_", StringComparison.Ordinal) && !KnownInitKeys.Contains(key) &&
                !key.StartsWith(SidecarSpecs.EnvPrefix + "__", StringComparison.Ordinal))
            {
                unknown.Add(key);
            }
        }
        unknown.Sort(StringComparer.Ordinal);
        return unknown;
    }
}
