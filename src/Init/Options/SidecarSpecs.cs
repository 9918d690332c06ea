namespace Init.Options;

/// <summary>Turns sidecar declarations into checked <see cref="ProcessSpec"/>s; every error names its flag or variable.</summary>
internal static class SidecarSpecs
{
    public const string EnvPrefix = "INIT_SIDECARS";

    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "COMMAND", "RESTART", "RESTART_DELAY", "RESTART_BACKOFF", "RESTART_MAX_DELAY", "MIN_UPTIME", "MAX_RESTARTS",
        "RESTART_WINDOW", "ON_GIVE_UP", "STOP_SIGNAL", "STOP_TIMEOUT", "WORKDIR", "REQUIRED", "READY",
        "READY_TIMEOUT", "WATCHDOG", "FORWARD_SIGNALS",
    };

    /// <summary>1 to 32 of letters, digits, '-' and '_', starting with a letter or digit.</summary>
    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= 32 && char.IsAsciiLetterOrDigit(name[0]) &&
        HasOnlyNameCharacters(name);

    private static bool HasOnlyNameCharacters(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }
        return true;
    }

    public static string CheckName(string name, string source) =>
        IsValidName(name) && !string.Equals(name, ProcessSpec.MainName, StringComparison.OrdinalIgnoreCase)
            ? name
            : throw new UsageException(
                $"{source}: '{name}' is not a sidecar name; use up to 32 letters, digits, '-' or '_' (not 'main')");

    /// <summary>Normalises a key as written (restart, env.FOO, ENV:FOO) to COMMAND, RESTART, ENV:FOO.</summary>
    public static string NormaliseKey(string key, string source)
    {
        var k = key.Replace('.', ':');
        if (k.StartsWith("ENV:", StringComparison.OrdinalIgnoreCase) || k.StartsWith("env:", StringComparison.Ordinal))
        {
            var variable = k[4..];
            return variable.Length > 0 && !variable.Contains('=') && !variable.Contains(':')
                ? "ENV:" + variable
                : throw new UsageException($"{source}: '{key}' does not name an environment variable");
        }
        var upper = k.ToUpperInvariant().Replace('-', '_');
        return Keys.Contains(upper)
            ? upper
            : throw new UsageException($"{source}: unknown sidecar setting '{key}'; known: {string.Join(", ", Sorted(Keys))}, ENV.<NAME>");
    }

    private static List<string> Sorted(IReadOnlySet<string> keys)
    {
        var sorted = new List<string>(keys);
        sorted.Sort(StringComparer.Ordinal);
        return sorted;
    }

    public static IReadOnlyList<ProcessSpec> Build(IEnumerable<SidecarDeclaration> declarations)
    {
        var specs = new List<ProcessSpec>();
        foreach (var declaration in declarations)
        {
            specs.Add(Build(declaration));
        }
        return specs;
    }

    public static ProcessSpec Build(SidecarDeclaration d)
    {
        if (!d.Values.TryGetValue("COMMAND", out var command))
        {
            throw new UsageException($"sidecar '{d.Name}' has settings but no command ({EnvPrefix}__{d.Name}__COMMAND or --sidecar {d.Name}=...)");
        }
        IReadOnlyList<string> words;
        try
        {
            words = CommandWords.Split(command.Value);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{command.Source}: {e.Message} in '{command.Value}'");
        }
        if (words.Count == 0)
        {
            throw new UsageException($"{command.Source}: the command is empty");
        }

        T Get<T>(string key, Func<string, string, T> parse, T fallback) =>
            d.Values.TryGetValue(key, out var v) ? parse(v.Source, v.Value) : fallback;

        var defaults = RestartPolicy.Sidecar;
        var restart = defaults with
        {
            Mode = Get("RESTART", ParseMode, defaults.Mode),
            InitialDelay = Get("RESTART_DELAY", ValueParsers.Duration, defaults.InitialDelay),
            Factor = Get("RESTART_BACKOFF", ParseFactor, defaults.Factor),
            MaxDelay = Get("RESTART_MAX_DELAY", ValueParsers.Duration, defaults.MaxDelay),
            MinUptime = Get("MIN_UPTIME", ValueParsers.Duration, defaults.MinUptime),
            MaxRestarts = Get("MAX_RESTARTS", ParseCount, defaults.MaxRestarts),
            Window = Get("RESTART_WINDOW", ValueParsers.Duration, defaults.Window),
            OnGiveUp = Get("ON_GIVE_UP", ParseGiveUp, defaults.OnGiveUp),
        };

        Dictionary<string, string>? environment = null;
        foreach (var (key, value) in d.Values)
        {
            if (key.StartsWith("ENV:", StringComparison.Ordinal))
            {
                (environment ??= new(StringComparer.Ordinal))[key[4..]] = value.Value;
            }
        }

        return new ProcessSpec
        {
            Name = d.Name,
            Command = words,
            Restart = restart,
            StopSignal = d.Values.TryGetValue("STOP_SIGNAL", out var stop) ? ValueParsers.Signal(stop.Source, stop.Value) : null,
            StopTimeout = d.Values.TryGetValue("STOP_TIMEOUT", out var timeout) ? ValueParsers.Duration(timeout.Source, timeout.Value) : null,
            WorkingDirectory = d.Values.TryGetValue("WORKDIR", out var dir) ? dir.Value : null,
            Required = Get("REQUIRED", ValueParsers.Boolean, false),
            ForwardSignals = Get("FORWARD_SIGNALS", ValueParsers.Boolean, false),
            Ready = Get("READY", Readiness.Parse, Readiness.OnStart),
            ReadyTimeout = Get("READY_TIMEOUT", ValueParsers.Duration, TimeSpan.FromSeconds(60)),
            Watchdog = d.Values.TryGetValue("WATCHDOG", out var watchdog) ? ValueParsers.Interval(watchdog.Source, watchdog.Value) : null,
            Environment = environment ?? ReadOnlyCopies.NoVariables,
        };
    }

    private static RestartMode ParseMode(string source, string value) => value.Trim().ToLowerInvariant() switch
    {
        "always" => RestartMode.Always,
        "on-failure" or "on_failure" => RestartMode.OnFailure,
        "never" or "no" => RestartMode.Never,
        _ => throw new UsageException($"{source}: '{value}' is not valid; expected always, on-failure or never"),
    };

    private static GiveUpAction ParseGiveUp(string source, string value) => value.Trim().ToLowerInvariant() switch
    {
        "exit" => GiveUpAction.Exit,
        "ignore" => GiveUpAction.Ignore,
        _ => throw new UsageException($"{source}: '{value}' is not valid; expected exit or ignore"),
    };

    private static double ParseFactor(string source, string value) =>
        double.TryParse(value.Trim(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var f)
            && f >= 1 && f <= 100
            ? f
            : throw new UsageException($"{source}: '{value}' is not valid; expected a factor from 1 to 100, e.g. 2");

    private static int ParseCount(string source, string value) =>
        int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n <= 100_000
            ? n
            : throw new UsageException($"{source}: '{value}' is not valid; expected a whole number, e.g. 5");
}
