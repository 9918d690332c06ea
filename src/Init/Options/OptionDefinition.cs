namespace Init.Options;

/// <summary>
/// A flag's effect on what the flags said so far. <paramref name="spelled"/> is the flag as the user wrote it
/// (-t or --kill-timeout), so that messages name it; <paramref name="value"/> is null exactly for a switch.
/// </summary>
internal delegate FlagState ApplyFlag(FlagState flags, string spelled, string? value);

/// <summary>A variable's value onto what the environment said so far; <paramref name="key"/> names it in messages.</summary>
internal delegate Settings ReadVariable(Settings settings, string key, string value);

/// <summary>
/// One environment variable: an INIT_* one, or a tini/dumb-init spelling with that tool's meaning.
/// <paramref name="ValueName"/> is what --help shows after '=' (null: it counts when merely set);
/// <paramref name="Read"/> is null for a variable read elsewhere, which is still known (not warned about);
/// <paramref name="Help"/> null says "as" and the flags of the options naming it.
/// </summary>
internal sealed record EnvVariable(string Key, string? ValueName, ReadVariable? Read, IReadOnlyList<string>? Help = null);

/// <summary>
/// One option of init, as <see cref="OptionTable"/> lists it: its spellings on the command line and in the
/// environment, how each is read, and what --help says about the flag.
/// </summary>
internal sealed record OptionDefinition
{
    /// <summary>--name.</summary>
    public required string Long { get; init; }

    public char? Short { get; init; }

    /// <summary>What --help calls the flag's value (D, FROM:TO); null for a switch, which takes none.</summary>
    public string? ValueName { get; init; }

    public required ApplyFlag Apply { get; init; }

    /// <summary>The INIT_* variable that says the same (several options may name one, e.g. -g and -c).</summary>
    public EnvVariable? Env { get; init; }

    /// <summary>tini's and dumb-init's spellings of it, read in table order, so a later one wins.</summary>
    public IReadOnlyList<EnvVariable> Compatible { get; init; } = [];

    /// <summary>--help's lines for the flag, each short enough to keep the help within 110 columns.</summary>
    public required IReadOnlyList<string> Help { get; init; }

    public bool TakesValue => ValueName is not null;
}
