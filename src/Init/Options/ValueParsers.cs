using System.Globalization;
using Init.Signals;
using Init.Logging;

namespace Init.Options;

/// <summary>
/// Turns one flag or variable value into a typed setting, or a <see cref="UsageException"/> that names the
/// flag or variable, the value, and what would have been accepted.
/// </summary>
internal static class ValueParsers
{
    public static TimeSpan Duration(string source, string value) =>
        Options.Duration.TryParse(value, out var d)
            ? d
            : throw Bad(source, value, "a duration such as 10s, 1500ms or 2m (0 to 24h)");

    /// <summary>A watchdog interval: 0 would kill the process the moment it starts.</summary>
    public static TimeSpan Interval(string source, string value) =>
        Options.Duration.TryParse(value, out var d) && d > TimeSpan.Zero
            ? d
            : throw Bad(source, value, "a duration above zero such as 10s or 1500ms (up to 24h)");

    public static bool Boolean(string source, string value) => value.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "yes" or "on" => true,
        "0" or "false" or "no" or "off" => false,
        _ => throw Bad(source, value, "one of 1, 0, true, false, yes, no, on, off"),
    };

    public static int Signal(string source, string value) =>
        SignalNames.TryParse(value, allowZero: false, out var signal)
            ? signal
            : throw Bad(source, value, "a signal name or number such as TERM, SIGUSR1, 15 or RTMIN+2");

    public static int ExitCode(string source, string value) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code <= 255
            ? code
            : throw Bad(source, value, "an exit code from 0 to 255");

    /// <summary>One FROM:TO pair; TO may be 0, which drops FROM.</summary>
    public static KeyValuePair<int, int> Rewrite(string source, string value)
    {
        var parts = value.Split(':');
        if (parts.Length != 2 ||
            !SignalNames.TryParse(parts[0], allowZero: false, out var from) ||
            !SignalNames.TryParse(parts[1], allowZero: true, out var to))
        {
            throw Bad(source, value, "FROM:TO with signal names or numbers, e.g. TERM:QUIT or USR1:0 (0 drops)");
        }
        if (!IsForwardable(from))
        {
            throw new UsageException(
                $"{source}: {SignalNames.Name(from)} cannot be rewritten: init never receives it as a forwardable signal");
        }
        return new(from, to);
    }

    private static bool IsForwardable(int signal)
    {
        foreach (var forwardable in ForwardableSignals.All())
        {
            if (forwardable == signal)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A list of FROM:TO pairs separated by commas or spaces, as INIT_REWRITE takes them.</summary>
    public static IReadOnlyDictionary<int, int> Rewrites(string source, string value)
    {
        var map = new Dictionary<int, int>();
        foreach (var item in value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var (from, to) = Rewrite(source, item);
            map[from] = to;
        }
        return map;
    }

    /// <summary>Exit codes separated by commas (spaces too); an empty item ("1,,2", "1,") is an error, not
    /// skipped: it is most likely a code that was meant and lost.</summary>
    public static IReadOnlySet<int> ExitCodes(string source, string value)
    {
        var codes = new HashSet<int>();
        foreach (var part in value.Split(','))
        {
            var items = part.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (items.Length == 0)
            {
                throw Bad(source, value, "exit codes from 0 to 255 separated by commas, e.g. 143,130 (one is empty)");
            }
            foreach (var item in items)
            {
                codes.Add(ExitCode(source, item));
            }
        }
        return codes;
    }

    public static SignalTarget Target(string source, string value) => value.Trim().ToLowerInvariant() switch
    {
        "group" => SignalTarget.Group,
        "child" => SignalTarget.Child,
        _ => throw Bad(source, value, "group or child"),
    };

    public static Logging.LogLevel LogLevel(string source, string value) => value.Trim().ToLowerInvariant() switch
    {
        "error" => Logging.LogLevel.Error,
        "warning" or "warn" => Logging.LogLevel.Warning,
        "info" or "information" => Logging.LogLevel.Information,
        "debug" => Logging.LogLevel.Debug,
        "trace" or "verbose" => Logging.LogLevel.Verbose,
        _ => throw Bad(source, value, "error, warning, info, debug or trace"),
    };

    /// <summary>tini's -v count and TINI_VERBOSITY: 0 errors only, 1 warnings (default), 2 info, 3 debug, 4+ trace.</summary>
    public static Logging.LogLevel Verbosity(int level) => level switch
    {
        <= 0 => Logging.LogLevel.Error,
        1 => Logging.LogLevel.Warning,
        2 => Logging.LogLevel.Information,
        3 => Logging.LogLevel.Debug,
        _ => Logging.LogLevel.Verbose,
    };

    /// <summary>TINI_VERBOSITY: tini's -v count as a number.</summary>
    public static LogLevel VerbosityNumber(string source, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            ? Verbosity(level)
            : throw Bad(source, value, "a number, 0 (errors only) to 4 (trace)");

    public static LogFormat Format(string source, string value) => value.Trim().ToLowerInvariant() switch
    {
        "text" => Options.LogFormat.Text,
        "json" => Options.LogFormat.Json,
        _ => throw Bad(source, value, "text or json"),
    };

    private static UsageException Bad(string source, string value, string expected) =>
        new($"{source}: '{value}' is not valid; expected {expected}");
}
