using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>
/// The C linked into the executable (Posix/native/*.c): what must run before the runtime starts or between
/// vfork and exec. Bound at link time (DirectPInvoke), so there is no library to find at run time.
/// </summary>
internal static unsafe partial class NativeImports
{
    private const string Lib = "init_native";

    [LibraryImport(Lib, EntryPoint = "init_waited_signals")]
    public static partial void WaitedSignals(SignalSet* set);

    [LibraryImport(Lib, EntryPoint = "init_arguments")]
    public static partial byte** Arguments(int* argc);

    [LibraryImport(Lib, EntryPoint = "init_task_room")]
    public static partial int TaskRoom();

    [LibraryImport(Lib, EntryPoint = "init_environ")]
    public static partial byte** Environ();

    [LibraryImport(Lib, EntryPoint = "init_spawn")]
    public static partial int Spawn(byte* path, byte** argv, byte** envp, byte* cwd, int newGroup, int terminalFd, int* pid);
}
