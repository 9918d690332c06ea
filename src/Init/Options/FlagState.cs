namespace Init.Options;

/// <summary>
/// What the flags said so far, in order: later flags win, repeatable ones add up. The -v count and -g/-c are
/// kept apart from <see cref="Settings"/> until <see cref="Finish"/>, because --log-level beats -v and -g with
/// -c is an error whatever their order.
/// </summary>
internal sealed record FlagState
{
    public static readonly FlagState Start = new();

    /// <summary>Anything but Run (--help, --version) ends the parsing at once.</summary>
    public InitAction Action { get; init; } = InitAction.Run;

    public Settings Settings { get; init; } = Settings.None;

    public int Verbosity { get; init; }

    public bool Group { get; init; }

    public bool Child { get; init; }

    public Settings Finish()
    {
        if (Group && Child)
        {
            throw new UsageException("options -g (signal the process group) and -c (signal the child only) conflict");
        }
        return Settings with
        {
            SignalTarget = Group ? SignalTarget.Group : Child ? SignalTarget.Child : null,
            LogLevel = Settings.LogLevel ?? (Verbosity > 0 ? ValueParsers.Verbosity(Verbosity + 1) : null),
        };
    }
}
