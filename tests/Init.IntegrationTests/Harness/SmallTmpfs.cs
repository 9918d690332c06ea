namespace Init.IntegrationTests.Harness;

/// <summary>
/// A tiny tmpfs of the test's own, to make a runtime directory full or read-only under a running init. Mounted
/// before init starts, so init's mount namespace (unshare copies the mounts) holds the same file system: what
/// the test does to it here, init sees there.
/// </summary>
public sealed class SmallTmpfs : IDisposable
{
    private readonly string _filler;

    public SmallTmpfs()
    {
        Path = Directory.CreateTempSubdirectory("init-tmpfs-").FullName;
        _filler = System.IO.Path.Combine(Path, "filler");
        Artifacts.Run("mount", ["-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", Path]);
    }

    public string Path { get; }

    /// <summary>Takes every free page, so the next file written there fails with ENOSPC (unlink still works).</summary>
    public void Fill()
    {
        try
        {
            File.WriteAllBytes(_filler, new byte[1 << 20]);
        }
        catch (IOException)
        {
            // Full, as meant: what was written stays.
        }
        Assert.Throws<IOException>(() => File.WriteAllBytes(System.IO.Path.Combine(Path, "probe"), new byte[4096]));
    }

    public void Free() => File.Delete(_filler);

    /// <summary>The whole file system read-only (a superblock remount: in init's namespace too); unlink fails as well.</summary>
    public void MakeReadOnly() => Artifacts.Run("mount", ["-o", "remount,ro", Path]);

    public void Dispose()
    {
        Artifacts.Run("umount", ["-l", Path]);
        Directory.Delete(Path, recursive: true);
    }
}
