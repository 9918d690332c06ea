using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>
/// init's arguments and environment as the kernel gave them, in <see cref="ExactText"/> form: .NET's own
/// (Main's args, Environment.GetEnvironmentVariables) have bytes that are not UTF-8 replaced already, and a
/// command must reach the child byte for byte (docs/design.md, "Arguments are bytes").
/// </summary>
internal static unsafe class ProcessStrings
{
    /// <summary>argv[1..], as recorded by the start-up constructor (native/startup_state.c).</summary>
    /// <param name="managed">Main's args: used should the record be missing or not match them.</param>
    public static string[] Arguments(string[] managed)
    {
        int argc;
        var argv = NativeImports.Arguments(&argc);
        if (argv is null || argc - 1 != managed.Length)
        {
            return managed;
        }
        var exact = new string[argc - 1];
        for (var i = 1; i < argc; i++)
        {
            exact[i - 1] = ExactText.Decode(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(argv[i]));
        }
        return exact;
    }

    /// <summary>The variables whose names begin with one of <paramref name="prefixes"/>, names as written; where
    /// a name comes twice the first wins, as for getenv.</summary>
    public static IReadOnlyDictionary<string, string> Environment(ReadOnlySpan<string> prefixes) =>
        Variables(NativeImports.Environ(), prefixes);

    /// <param name="environ">NULL-terminated "NAME=VALUE" strings.</param>
    /// <param name="prefixes">ASCII; only variables named so are decoded.</param>
    public static IReadOnlyDictionary<string, string> Variables(byte** environ, ReadOnlySpan<string> prefixes)
    {
        // Matched as bytes and decoded only when named so: this runs at every start, and a Kubernetes pod's
        // environment holds a few variables per service in its namespace, hundreds that init never reads
        // (docs/design.md, "Start-up and memory").
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; environ[i] != null; i++)
        {
            if (!StartsWithAny(environ[i], prefixes))
            {
                continue;
            }
            var entry = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(environ[i]);
            var eq = entry.IndexOf((byte)'=');
            if (eq < 0)
            {
                variables.TryAdd(ExactText.Decode(entry), "");
            }
            else
            {
                var name = ExactText.Decode(entry[..eq]);
                if (!variables.ContainsKey(name))
                {
                    variables.Add(name, ExactText.Decode(entry[(eq + 1)..]));
                }
            }
        }
        return variables;
    }

    /// <summary>Byte by byte, so a variable named otherwise costs a byte or two, not its length.</summary>
    private static bool StartsWithAny(byte* entry, ReadOnlySpan<string> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            var i = 0;
            while (i < prefix.Length && entry[i] == prefix[i])
            {
                i++;
            }
            if (i == prefix.Length)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>One variable, the first NAME= in environ as for getenv, found by comparing bytes: looked up at
    /// every spawn (PATH), it decodes only the value, not the whole environment.</summary>
    public static string? Variable(string name)
    {
        var environ = NativeImports.Environ();
        var prefix = ExactText.Encode(name + "=", terminate: false);
        for (var i = 0; environ[i] != null; i++)
        {
            var entry = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(environ[i]);
            if (entry.StartsWith(prefix))
            {
                return ExactText.Decode(entry[prefix.Length..]);
            }
        }
        return null;
    }
}
