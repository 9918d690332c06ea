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
    /// <summary>
    /// Parses getopt-style: bundled short flags (-vv, -sg), values attached or separate (-eCODE, -e CODE,
    /// --rewrite=A:B, --rewrite A:B). Options end at "--" or at the first argument that is not an option,
    /// so `init sh -c 'x'` passes -c to sh.
    /// </summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var settings = Settings.None;
        var verbosity = 0;
        var rewrites = ImmutableDictionary<int, int>.Empty;
        var successCodes = ImmutableHashSet<int>.Empty;
        bool groupFlag = false, childFlag = false;
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
                if (attached is not null && name is "--help" or "--version" or "--verbose" or "--subreaper"
                        or "--process-group" or "--single-child" or "--warn-on-reap")
                {
                    throw new UsageException($"option {name} takes no value");
                }
                switch (name)
                {
                    case "--help": return new CommandLine(InitAction.Help, settings, []);
                    case "--version": return new CommandLine(InitAction.Version, settings, []);
                    case "--verbose": verbosity++; break;
                    case "--subreaper": settings = settings with { Subreaper = true }; break;
                    case "--process-group": groupFlag = true; break;
                    case "--single-child": childFlag = true; break;
                    case "--warn-on-reap": settings = settings with { WarnOnReap = true }; break;
                    case "--kill-timeout":
                        settings = settings with { KillTimeout = ValueParsers.Duration(name, TakeValue(name, attached)) };
                        break;
                    case "--rewrite":
                        var (from, to) = ValueParsers.Rewrite(name, TakeValue(name, attached));
                        rewrites = rewrites.SetItem(from, to);
                        break;
                    case "--success-exit-code":
                        successCodes = successCodes.Add(ValueParsers.ExitCode(name, TakeValue(name, attached)));
                        break;
                    case "--parent-death-signal":
                        settings = settings with { ParentDeathSignal = ValueParsers.Signal(name, TakeValue(name, attached)) };
                        break;
                    case "--log-level":
                        settings = settings with { LogLevel = ValueParsers.LogLevel(name, TakeValue(name, attached)) };
                        break;
                    case "--log-format":
                        settings = settings with { LogFormat = ValueParsers.Format(name, TakeValue(name, attached)) };
                        break;
                    default:
                        throw new UsageException($"unknown option '{name}'");
                }
                continue;
            }

            for (var j = 1; j < arg.Length; j++)
            {
                var flag = "-" + arg[j];
                var rest = j + 1 < arg.Length ? arg[(j + 1)..] : null;
                switch (arg[j])
                {
                    case 'h': return new CommandLine(InitAction.Help, settings, []);
                    case 'V': return new CommandLine(InitAction.Version, settings, []);
                    case 'v': verbosity++; break;
                    case 's': settings = settings with { Subreaper = true }; break;
                    case 'g': groupFlag = true; break;
                    case 'c': childFlag = true; break;
                    case 'w': settings = settings with { WarnOnReap = true }; break;
                    case 'e':
                        successCodes = successCodes.Add(ValueParsers.ExitCode(flag, TakeValue(flag, rest)));
                        j = arg.Length;
                        break;
                    case 'p':
                        settings = settings with { ParentDeathSignal = ValueParsers.Signal(flag, TakeValue(flag, rest)) };
                        j = arg.Length;
                        break;
                    case 'r':
                        var (from, to) = ValueParsers.Rewrite(flag, TakeValue(flag, rest));
                        rewrites = rewrites.SetItem(from, to);
                        j = arg.Length;
                        break;
                    case 't':
                        settings = settings with { KillTimeout = ValueParsers.Duration(flag, TakeValue(flag, rest)) };
                        j = arg.Length;
                        break;
                    default:
                        throw new UsageException($"unknown option '{flag}'");
                }
            }
        }

        if (groupFlag && childFlag)
        {
            throw new UsageException("options -g (signal the process group) and -c (signal the child only) conflict");
        }
        settings = settings with
        {
            SignalTarget = groupFlag ? SignalTarget.Group : childFlag ? SignalTarget.Child : null,
            LogLevel = settings.LogLevel ?? (verbosity > 0 ? ValueParsers.Verbosity(verbosity + 1) : null),
            Rewrites = rewrites.IsEmpty ? null : rewrites,
            SuccessExitCodes = successCodes.IsEmpty ? null : successCodes,
        };

        var command = args.Skip(i).ToArray();
        if (command.Length == 0)
        {
            throw new UsageException("no command given");
        }
        return new CommandLine(InitAction.Run, settings, command);
    }
}
