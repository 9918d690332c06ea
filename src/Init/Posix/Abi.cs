namespace Init.Posix;

/// <summary>Names the C constant or expression a number of <see cref="Abi"/> must equal, as the target's C
/// headers define it; <see cref="Architecture"/> set when the number holds on that CPU alone.</summary>
[AttributeUsage(AttributeTargets.Field)]
internal sealed class NativeAttribute(string expression) : Attribute
{
    public string Expression { get; } = expression;

    /// <summary>"x64" or "arm64"; null: the same on both.</summary>
    public string? Architecture { get; init; }
}

/// <summary>
/// Every number of the kernel's and libc's interface the C# of Posix/ uses: flags, errno values, option
/// numbers, struct sizes and offsets. One list, so that a test can compile a C program for each CPU init is
/// built for and compare every entry with what the target's headers say (docs/design.md, "Other CPUs"):
/// most are the same on x86-64 and arm64, the open flags are not. The build for linux-arm64 defines
/// INIT_ARM64 (Init.csproj).
/// </summary>
internal static class Abi
{
#if INIT_ARM64
    private const bool Arm64 = true;
#else
    private const bool Arm64 = false;
#endif

    // open(2) flags. O_DIRECTORY and O_NOFOLLOW differ between the CPUs: on arm64 0x10000 is O_DIRECT.
    [Native("O_RDONLY")] public const int ORdonly = 0;
    [Native("O_WRONLY")] public const int OWronly = 1;
    [Native("O_CREAT")] public const int OCreat = 0x40;
    [Native("O_EXCL")] public const int OExcl = 0x80;
    [Native("O_TRUNC")] public const int OTrunc = 0x200;
    [Native("O_NONBLOCK")] public const int ONonblock = 0x800;
    [Native("O_CLOEXEC")] public const int OCloexec = 0x80000;
    [Native("O_PATH")] public const int OPath = 0x200000;
    [Native("O_DIRECTORY", Architecture = "x64")] public const int ODirectoryX64 = 0x10000;
    [Native("O_DIRECTORY", Architecture = "arm64")] public const int ODirectoryArm64 = 0x4000;
    [Native("O_NOFOLLOW", Architecture = "x64")] public const int ONofollowX64 = 0x20000;
    [Native("O_NOFOLLOW", Architecture = "arm64")] public const int ONofollowArm64 = 0x8000;
    public const int ODirectory = Arm64 ? ODirectoryArm64 : ODirectoryX64;
    public const int ONofollow = Arm64 ? ONofollowArm64 : ONofollowX64;

    // access(2)
    [Native("F_OK")] public const int FOk = 0;
    [Native("X_OK")] public const int XOk = 1;

    // errno
    [Native("ENOENT")] public const int Enoent = 2;
    [Native("ESRCH")] public const int Esrch = 3;
    [Native("EINTR")] public const int Eintr = 4;
    [Native("EIO")] public const int Eio = 5;
    [Native("ECHILD")] public const int Echild = 10;
    [Native("EAGAIN")] public const int Eagain = 11;
    [Native("EACCES")] public const int Eacces = 13;
    [Native("ENOTDIR")] public const int Enotdir = 20;
    [Native("ERANGE")] public const int Erange = 34;
    [Native("ENAMETOOLONG")] public const int Enametoolong = 36;
    [Native("EINPROGRESS")] public const int Einprogress = 115;

    // waitpid(2)
    [Native("WNOHANG")] public const int WNohang = 1;
    [Native("WUNTRACED")] public const int WUntraced = 2;

    // prctl(2), memfd_create(2), poll(2)
    [Native("PR_SET_PDEATHSIG")] public const int PrSetPdeathsig = 1;
    [Native("PR_SET_CHILD_SUBREAPER")] public const int PrSetChildSubreaper = 36;
    [Native("MFD_CLOEXEC")] public const uint MfdCloexec = 1;
    [Native("POLLIN")] public const short PollIn = 1;
    [Native("POLLOUT")] public const short PollOut = 4;
    [Native("POLLERR")] public const short PollErr = 8;
    [Native("POLLHUP")] public const short PollHup = 16;
    [Native("sizeof(struct pollfd)")] public const int PollFdSize = 8;

    // signalfd(2)
    [Native("SFD_NONBLOCK")] public const int SfdNonblock = 0x800;
    [Native("SFD_CLOEXEC")] public const int SfdCloexec = 0x80000;
    [Native("sizeof(struct signalfd_siginfo)")] public const int SignalFdSigInfoSize = 128;
    [Native("offsetof(struct signalfd_siginfo, ssi_code)")] public const int SsiCodeOffset = 8;
    [Native("offsetof(struct signalfd_siginfo, ssi_pid)")] public const int SsiPidOffset = 12;
    [Native("SI_USER")] public const int SiUser = 0;
    [Native("SI_KERNEL")] public const int SiKernel = 0x80;

    // sockets
    [Native("AF_UNIX")] public const int AfUnix = 1;
    [Native("AF_INET")] public const int AfInet = 2;
    [Native("SOCK_STREAM")] public const int SockStream = 1;
    [Native("SOCK_DGRAM")] public const int SockDgram = 2;
    [Native("SOCK_NONBLOCK")] public const int SockNonblock = 0x800;
    [Native("SOCK_CLOEXEC")] public const int SockCloexec = 0x80000;
    [Native("SOL_SOCKET")] public const int SolSocket = 1;
    [Native("SO_ERROR")] public const int SoError = 4;
    [Native("SO_PASSCRED")] public const int SoPasscred = 16;
    [Native("SCM_RIGHTS")] public const int ScmRights = 1;
    [Native("SCM_CREDENTIALS")] public const int ScmCredentials = 2;
    [Native("MSG_CMSG_CLOEXEC")] public const int MsgCmsgCloexec = 0x40000000;
    [Native("sizeof(struct sockaddr_in)")] public const int SockaddrInSize = 16;
    [Native("sizeof(struct sockaddr_un)")] public const int SockaddrUnSize = 110;
    [Native("sizeof(((struct sockaddr_un *)0)->sun_path)")] public const int SunPathSize = 108;
    [Native("sizeof(struct cmsghdr)")] public const int CmsgHeaderSize = 16;
    [Native("sizeof(struct ucred)")] public const int UcredSize = 12;
    [Native("sizeof(struct msghdr)")] public const int MsgHdrSize = 56;
    [Native("sizeof(struct iovec)")] public const int IoVecSize = 16;
}
