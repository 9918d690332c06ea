using System.Collections.Immutable;

namespace Init.Options;

internal enum InitAction
{
    Run,
    Help,
    Version,
}

/// <summary>What the command line asked for: an action, the settings its flags gave, and the command.</summary>
internal sealed record CommandLine(InitAction Action, Settings Settings, IReadOnlyList<string> Command)
{
    /// <summary>Each short flag is a spelling of one long option.</summary>
    private static readonly IReadOnlyDictionary<char, string> ShortFlags = new Dictionary<char, string>
    {
        ['h'] = "--help", ['V'] = "--version", ['v'] = "--verbose", ['s'] = "--subreaper", ['g'] = "--process-group",
        ['c'] = "--single-child", ['w'] = "--warn-on-reap", ['e'] = "--success-exit-code",
        ['p'] = "--parent-death-signal", ['r'] = "--rewrite", ['t'] = "--kill-timeout",
    };

    /// <summary>Long options with no short spelling and no value.</summary>
    private static readonly IReadOnlySet<string> LongOnlySwitches = new HashSet<string> { "--shutdown-delay-forward" };

    private static readonly IReadOnlySet<string> TakesValue = new HashSet<string>
    {
        "--kill-timeout", "--rewrite", "--success-exit-code", "--parent-death-signal", "--log-level", "--log-format",
        "--sidecar", "--sidecar-option", "--shutdown-delay", "--ready", "--watchdog",
    };

    /// <summary>
    /// Parses getopt-style: bundled short flags (-vv, -sg), values attached or separate (-eCODE, -e CODE,
    /// --rewrite=A:B, --rewrite A:B). Options end at "--" or at the first argument that is not an option,
    /// so `init sh -c 'x'` passes -c to sh.
    /// </summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var parser = new Parser();
        var i = 0;

        string TakeValue(string flag, string? attached)
        {
            if (attached is not null)
            {
                return attached;
            }
            if (i + 1 >= args.Count)
            {
                throw new UsageException($"option {flag} needs a value");
            }
            return args[++i];
        }

        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                i++;
                break;
            }
            if (arg.Length < 2 || arg[0] != '-')
            {
                break;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=');
                var name = eq < 0 ? arg : arg[..eq];
                var attached = eq < 0 ? null : arg[(eq + 1)..];
                if (attached is not null && !TakesValue.Contains(name))
                {
                    throw new UsageException(IsKnown(name) ? $"option {name} takes no value" : $"unknown option '{name}'");
                }
                if (parser.Apply(name, name, TakesValue.Contains(name) ? TakeValue(name, attached) : null) is { } done)
                {
                    return done;
                }
                continue;
            }

            for (var j = 1; j < arg.Length; j++)
            {
                var flag = "-" + arg[j];
                if (!ShortFlags.TryGetValue(arg[j], out var name))
                {
                    throw new UsageException($"unknown option '{flag}'");
                }
                string? value = null;
                if (TakesValue.Contains(name))
                {
                    value = TakeValue(flag, j + 1 < arg.Length ? arg[(j + 1)..] : null);
                    j = arg.Length;
                }
                if (parser.Apply(name, flag, value) is { } done)
                {
                    return done;
                }
            }
        }

        var command = args.Skip(i).ToArray();
        var settings = parser.Finish();
        if (command.Length == 0)
        {
            throw new UsageException("no command given");
        }
        return new CommandLine(InitAction.Run, settings, command);
    }

    private static bool IsKnown(string name) =>
        TakesValue.Contains(name) || ShortFlags.Values.Contains(name) || LongOnlySwitches.Contains(name);

    /// <summary>Accumulates what the flags said, in order; later flags win, repeatable ones add up.</summary>
    private sealed class Parser
    {
        private Settings _settings = Settings.None;
        private int _verbosity;
        private ImmutableDictionary<int, int> _rewrites = ImmutableDictionary<int, int>.Empty;
        private ImmutableHashSet<int> _successCodes = ImmutableHashSet<int>.Empty;
        private bool _group;
        private bool _child;
        private ImmutableList<SidecarDeclaration> _sidecars = [];

        /// <param name="name">the long option.</param>
        /// <param name="spelled">as the user wrote it, for messages.</param>
        /// <returns>a finished command line for --help and --version; null to go on.</returns>
        public CommandLine? Apply(string name, string spelled, string? value)
        {
            switch (name)
            {
                case "--help": return new CommandLine(InitAction.Help, _settings, []);
                case "--version": return new CommandLine(InitAction.Version, _settings, []);
                case "--verbose": _verbosity++; break;
                case "--subreaper": _settings = _settings with { Subreaper = true }; break;
                case "--process-group": _group = true; break;
                case "--single-child": _child = true; break;
                case "--warn-on-reap": _settings = _settings with { WarnOnReap = true }; break;
                case "--kill-timeout":
                    _settings = _settings with { KillTimeout = ValueParsers.Duration(spelled, value!) };
                    break;
                case "--rewrite":
                    var (from, to) = ValueParsers.Rewrite(spelled, value!);
                    _rewrites = _rewrites.SetItem(from, to);
                    break;
                case "--success-exit-code":
                    _successCodes = _successCodes.Add(ValueParsers.ExitCode(spelled, value!));
                    break;
                case "--parent-death-signal":
                    _settings = _settings with { ParentDeathSignal = ValueParsers.Signal(spelled, value!) };
                    break;
                case "--log-level":
                    _settings = _settings with { LogLevel = ValueParsers.LogLevel(spelled, value!) };
                    break;
                case "--log-format":
                    _settings = _settings with { LogFormat = ValueParsers.Format(spelled, value!) };
                    break;
                case "--shutdown-delay":
                    _settings = _settings with { ShutdownDelay = ValueParsers.Duration(spelled, value!) };
                    break;
                case "--shutdown-delay-forward":
                    _settings = _settings with { ForwardDuringDelay = true };
                    break;
                case "--ready":
                    _settings = _settings with { MainReady = Readiness.Parse(spelled, value!) };
                    break;
                case "--watchdog":
                    _settings = _settings with { MainWatchdog = ValueParsers.Duration(spelled, value!) };
                    break;
                case "--sidecar":
                    AddSidecarValue(spelled, value!, '=', "NAME=COMMAND", fixedKey: "COMMAND");
                    break;
                case "--sidecar-option":
                    AddSidecarValue(spelled, value!, '.', "NAME.KEY=VALUE", fixedKey: null);
                    break;
                default:
                    throw new UsageException($"unknown option '{spelled}'");
            }
            return null;
        }

        /// <summary>--sidecar NAME=COMMAND (fixedKey COMMAND), or --sidecar-option NAME.KEY=VALUE.</summary>
        private void AddSidecarValue(string spelled, string value, char nameEnd, string form, string? fixedKey)
        {
            var cut = value.IndexOf(nameEnd);
            var eq = fixedKey is null ? value.IndexOf('=', Math.Max(cut, 0)) : cut;
            if (cut <= 0 || eq < 0 || (fixedKey is null && eq <= cut + 1))
            {
                throw new UsageException($"{spelled}: '{value}' is not valid; expected {form}");
            }
            var name = SidecarSpecs.CheckName(value[..cut], spelled);
            var source = $"{spelled} {name}";
            var key = fixedKey ?? SidecarSpecs.NormaliseKey(value[(cut + 1)..eq], source);
            var index = _sidecars.FindIndex(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
            var declaration = (index < 0 ? SidecarDeclaration.Empty(name) : _sidecars[index])
                .With(key, new SourcedValue(value[(eq + 1)..], source));
            _sidecars = index < 0 ? _sidecars.Add(declaration) : _sidecars.SetItem(index, declaration);
        }

        public Settings Finish()
        {
            if (_group && _child)
            {
                throw new UsageException("options -g (signal the process group) and -c (signal the child only) conflict");
            }
            return _settings with
            {
                SignalTarget = _group ? SignalTarget.Group : _child ? SignalTarget.Child : null,
                LogLevel = _settings.LogLevel ?? (_verbosity > 0 ? ValueParsers.Verbosity(_verbosity + 1) : null),
                Rewrites = _rewrites.IsEmpty ? null : _rewrites,
                SuccessExitCodes = _successCodes.IsEmpty ? null : _successCodes,
                Sidecars = _sidecars.IsEmpty ? null : _sidecars,
            };
        }
    }
}
