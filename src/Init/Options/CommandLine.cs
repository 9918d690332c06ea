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
    private static readonly Dictionary<string, OptionDefinition> ByLong = LongFlags();

    private static readonly Dictionary<char, OptionDefinition> ByShort = ShortFlags();

    private static Dictionary<string, OptionDefinition> LongFlags()
    {
        var flags = new Dictionary<string, OptionDefinition>(StringComparer.Ordinal);
        foreach (var option in OptionTable.All)
        {
            flags.Add(option.Long, option);
        }
        return flags;
    }

    private static Dictionary<char, OptionDefinition> ShortFlags()
    {
        var flags = new Dictionary<char, OptionDefinition>();
        foreach (var option in OptionTable.All)
        {
            if (option.Short is { } letter)
            {
                flags.Add(letter, option);
            }
        }
        return flags;
    }

    /// <summary>
    /// Parses getopt-style: bundled short flags (-vv, -sg), values attached or separate (-eCODE, -e CODE,
    /// --rewrite=A:B, --rewrite A:B). Options end at "--" or at the first argument that is not an option,
    /// so `init sh -c 'x'` passes -c to sh.
    /// </summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var flags = FlagState.Start;
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

        // A finished command line for --help and --version; null to go on.
        CommandLine? Apply(OptionDefinition option, string spelled, string? value)
        {
            flags = option.Apply(flags, spelled, value);
            return flags.Action == InitAction.Run ? null : new CommandLine(flags.Action, flags.Settings, []);
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
                if (!ByLong.TryGetValue(name, out var option))
                {
                    throw new UsageException($"unknown option '{name}'");
                }
                if (attached is not null && !option.TakesValue)
                {
                    throw new UsageException($"option {name} takes no value");
                }
                if (Apply(option, name, option.TakesValue ? TakeValue(name, attached) : null) is { } done)
                {
                    return done;
                }
                continue;
            }

            for (var j = 1; j < arg.Length; j++)
            {
                var flag = "-" + arg[j];
                if (!ByShort.TryGetValue(arg[j], out var option))
                {
                    throw new UsageException($"unknown option '{flag}'");
                }
                string? value = null;
                if (option.TakesValue)
                {
                    value = TakeValue(flag, j + 1 < arg.Length ? arg[(j + 1)..] : null);
                    j = arg.Length;
                }
                if (Apply(option, flag, value) is { } done)
                {
                    return done;
                }
            }
        }

        var command = new string[args.Count - i];
        for (var k = 0; k < command.Length; k++)
        {
            command[k] = args[i + k];
        }
        var settings = flags.Finish();
        if (command.Length == 0)
        {
            throw new UsageException("no command given");
        }
        return new CommandLine(InitAction.Run, settings, command);
    }
}
