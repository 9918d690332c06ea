using System.Runtime.InteropServices;
using System.Text;

namespace Init.Posix;

/// <summary>
/// posix_spawnp with the attributes init needs. fork() is unsafe in a multi-threaded runtime; glibc's
/// posix_spawn is safe and reports exec errors back to us (ENOENT, EACCES) instead of a dead child.
/// </summary>
internal static unsafe class PosixSpawn
{
    private static nint s_environ;
    private static delegate* unmanaged<void*, int, int> s_addTcsetpgrp;

    /// <summary>Resolves what is looked up by name, so a missing symbol shows at start-up, not at spawn.</summary>
    public static void Load()
    {
        var libc = NativeLibrary.Load("libc.so.6");
        s_environ = NativeLibrary.GetExport(libc, "environ");
        // glibc >= 2.35. Older libcs still spawn; the child just does not get the terminal's foreground.
        if (NativeLibrary.TryGetExport(libc, "posix_spawn_file_actions_addtcsetpgrp_np", out var tcsetpgrp))
        {
            s_addTcsetpgrp = (delegate* unmanaged<void*, int, int>)tcsetpgrp;
        }
    }

    public static bool CanGiveTerminal => s_addTcsetpgrp != null;

    /// <param name="argv">argv[0] is looked up in PATH like a shell does.</param>
    /// <param name="ownProcessGroup">the child leads a new process group.</param>
    /// <param name="terminalFd">when not -1, the child's group becomes that terminal's foreground group.</param>
    /// <param name="workingDirectory">the child's working directory; null keeps init's.</param>
    /// <param name="environment">variables set (or replaced) in the environment init passes on.</param>
    /// <returns>0 and the pid, or the errno of the failed spawn or exec.</returns>
    public static int Spawn(IReadOnlyList<string> argv, bool ownProcessGroup, int terminalFd,
        in SignalSet mask, in SignalSet defaults, string? workingDirectory,
        IReadOnlyDictionary<string, string> environment, out int pid)
    {
        pid = 0;
        var attr = NativeMemory.AllocZeroed(Libc.SpawnAttrSize);
        var actions = NativeMemory.AllocZeroed(Libc.SpawnFileActionsSize);
        var strings = new List<nint>(argv.Count);
        var argvBlock = (byte**)NativeMemory.AllocZeroed((nuint)(argv.Count + 1), (nuint)sizeof(byte*));
        byte** envBlock = null;
        try
        {
            for (var i = 0; i < argv.Count; i++)
            {
                argvBlock[i] = ToCString(argv[i], strings);
            }

            Check(Libc.PosixSpawnattrInit(attr));
            Check(Libc.PosixSpawnFileActionsInit(actions));
            if (workingDirectory is not null)
            {
                Check(Libc.PosixSpawnFileActionsAddchdir(actions, ToCString(workingDirectory, strings)));
            }

            short flags = Libc.PosixSpawnSetSigMask | Libc.PosixSpawnSetSigDef;
            if (ownProcessGroup)
            {
                flags |= Libc.PosixSpawnSetPgroup;
                Check(Libc.PosixSpawnattrSetpgroup(attr, 0));
            }
            Check(Libc.PosixSpawnattrSetflags(attr, flags));

            var maskCopy = mask;
            var defaultsCopy = defaults;
            Check(Libc.PosixSpawnattrSetsigmask(attr, &maskCopy));
            Check(Libc.PosixSpawnattrSetsigdefault(attr, &defaultsCopy));

            if (terminalFd >= 0 && s_addTcsetpgrp != null)
            {
                // Runs in the child after setpgid, with every signal still blocked, so no SIGTTOU stops it.
                Check(s_addTcsetpgrp(actions, terminalFd));
            }

            var envp = *(byte***)s_environ;
            if (environment.Count > 0)
            {
                envp = envBlock = MergeEnvironment(envp, environment, strings);
            }
            return Libc.PosixSpawnp(out pid, argvBlock[0], actions, attr, argvBlock, envp);
        }
        finally
        {
            NativeMemory.Free(envBlock);
            Libc.PosixSpawnFileActionsDestroy(actions);
            Libc.PosixSpawnattrDestroy(attr);
            foreach (var s in strings)
            {
                NativeMemory.Free((void*)s);
            }
            NativeMemory.Free(argvBlock);
            NativeMemory.Free(actions);
            NativeMemory.Free(attr);
        }
    }

    /// <summary>init's own environment, byte for byte, minus the names being set, plus the new values.</summary>
    private static byte** MergeEnvironment(byte** inherited, IReadOnlyDictionary<string, string> set, List<nint> owned)
    {
        var kept = new List<nint>();
        for (var entry = inherited; *entry != null; entry++)
        {
            var text = new ReadOnlySpan<byte>(*entry, int.MaxValue);
            text = text[..text.IndexOf((byte)0)];
            var eq = text.IndexOf((byte)'=');
            var name = Encoding.UTF8.GetString(eq < 0 ? text : text[..eq]);
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
        var length = Encoding.UTF8.GetByteCount(value);
        var buffer = (byte*)NativeMemory.Alloc((nuint)length + 1);
        owned.Add((nint)buffer);
        Encoding.UTF8.GetBytes(value, new Span<byte>(buffer, length));
        buffer[length] = 0;
        return buffer;
    }

    private static void Check(int rc)
    {
        if (rc != 0)
        {
            throw new InvalidOperationException($"setting up posix_spawn failed (error {rc})");
        }
    }
}
