namespace Init.IntegrationTests.Harness;

/// <summary>
/// A root directory holding only init and what a test puts beside it (a static busybox, a musl program): what
/// a FROM scratch or Alpine image gives init (and /dev/null, as a container runtime provides). Run with chroot as PID 1 of a fresh PID namespace, /proc of its
/// own mounted inside.
/// </summary>
public sealed class BareRoot : IDisposable
{
    public const string Busybox = "/bin/busybox";

    public BareRoot()
    {
        Path = Directory.CreateTempSubdirectory("init-bare-root-").FullName;
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "proc"));
        // What a container runtime gives every image; a shell needs it for background jobs.
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "dev"));
        Artifacts.Run("mknod", ["-m", "666", System.IO.Path.Combine(Path, "dev", "null"), "c", "1", "3"]);
        File.Copy(Artifacts.Init, System.IO.Path.Combine(Path, "init"));
    }

    public string Path { get; }

    /// <summary>Copies a host file into the root (e.g. /bin/busybox to /busybox).</summary>
    public void Add(string hostPath, string rootPath)
    {
        var target = System.IO.Path.Combine(Path, rootPath.TrimStart('/'));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.Copy(hostPath, target);
    }

    /// <summary>/init ARGS as PID 1 inside the root.</summary>
    public InitProcess Start(params string[] initArgs) =>
        InitProcess.StartAsPid1("unshare", ["--pid", "--fork", $"--mount-proc={System.IO.Path.Combine(Path, "proc")}", "--kill-child",
            "chroot", Path, "/init", .. initArgs]);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
