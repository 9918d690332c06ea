using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>
/// Starts a child through native/spawn.c: vfork, the recorded start-up signal state, own process group, the
/// terminal's foreground, exec. glibc's posix_spawn cannot give a child an ignored signal back, so it is not used.
/// Every string is <see cref="ExactText"/>: the child gets the very bytes init was given.
/// </summary>
internal static unsafe class ChildSpawn
{
    /// <param name="path">what to execute, already found in PATH.</param>
    /// <param name="argv">argv[0] as the user wrote it.</param>
    /// <param name="terminalFd">when not -1, the child's group becomes that terminal's foreground group.</param>
    /// <param name="workingDirectory">the child's working directory; null keeps init's.</param>
    /// <param name="environment">variables set (or replaced) in the environment init passes on.</param>
    /// <returns>0 and the pid, or the errno of the failed fork, chdir or exec.</returns>
    public static int Spawn(string path, IReadOnlyList<string> argv, int terminalFd, string? workingDirectory,
        IReadOnlyDictionary<string, string> environment, out int pid)
    {
        var owned = new List<nint>();
        var argvBlock = (byte**)NativeMemory.AllocZeroed((nuint)(argv.Count + 1), (nuint)sizeof(byte*));
        byte** envBlock = null;
        try
        {
            for (var i = 0; i < argv.Count; i++)
            {
                argvBlock[i] = ToCString(argv[i], owned);
            }
            var envp = NativeImports.Environ();
            if (environment.Count > 0)
            {
                envp = envBlock = MergeEnvironment(envp, environment, owned);
            }
            var cwd = workingDirectory is null ? null : ToCString(workingDirectory, owned);
            int child;
            var rc = NativeImports.Spawn(ToCString(path, owned), argvBlock, envp, cwd, newGroup: 1, terminalFd, &child);
            pid = rc == 0 ? child : 0;
            return rc;
        }
        finally
        {
            NativeMemory.Free(envBlock);
            foreach (var s in owned)
            {
                NativeMemory.Free((void*)s);
            }
            NativeMemory.Free(argvBlock);
        }
    }

    /// <summary>init's own environment, byte for byte, minus the names being set, plus the new values.</summary>
    private static byte** MergeEnvironment(byte** inherited, IReadOnlyDictionary<string, string> set, List<nint> owned)
    {
        var kept = new List<nint>();
        for (var entry = inherited; *entry != null; entry++)
        {
            var text = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(*entry);
            var eq = text.IndexOf((byte)'=');
            var name = ExactText.Decode(eq < 0 ? text : text[..eq]);
            if (!set.ContainsKey(name))
            {
                kept.Add((nint)(*entry));
            }
        }
        var block = (byte**)NativeMemory.AllocZeroed((nuint)(kept.Count + set.Count + 1), (nuint)sizeof(byte*));
        var i = 0;
        foreach (var entry in kept)
        {
            block[i++] = (byte*)entry;
        }
        foreach (var (name, value) in set)
        {
            block[i++] = ToCString($"{name}={value}", owned);
        }
        return block;
    }

    private static byte* ToCString(string value, List<nint> owned)
    {
        var bytes = ExactText.Encode(value, terminate: true);
        var buffer = (byte*)NativeMemory.Alloc((nuint)bytes.Length);
        owned.Add((nint)buffer);
        bytes.CopyTo(new Span<byte>(buffer, bytes.Length));
        return buffer;
    }
}
