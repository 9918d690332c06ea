namespace Bench;

/// <summary>One init under comparison, and how it is told to run a command.</summary>
public sealed record Contender(string Name, string Path, string[] Flags)
{
    /// <summary>Registers as subreaper when the init needs a flag for it (so it reaps when not PID 1, as ours does).</summary>
    public string[] Command(params string[] command) => [Path, .. Flags, "--", .. command];

    public long BinaryBytes => new FileInfo(Path).Length;

    /// <summary>This contender run from a new copy of its file in <paramref name="directory"/>.</summary>
    public Contender CopiedTo(string directory) => this with { Path = FreshCopy(Path, directory, Name) };

    /// <summary>
    /// Every program timed is run from a file written the same way just before the run. Identical bytes start
    /// at different speeds from different files: one written during the build, under memory pressure, started
    /// 0.3 ms slower than a copy of it made a few minutes later, for as long as both stayed cached (a copy of a
    /// 27 KB tini cannot differ much, a 2.9 MB init can). Copying every contender alike measures the programs,
    /// not the history of their files.
    /// </summary>
    public static string FreshCopy(string source, string directory, string name)
    {
        var copy = System.IO.Path.Combine(directory, name);
        File.Delete(copy);
        File.Copy(source, copy);
        return copy;
    }

    public static IReadOnlyList<Contender> All(string init) =>
    [
        new("init", init, []),
        new("tini", "/usr/bin/tini", ["-s"]),
        new("tini-static", "/usr/bin/tini-static", ["-s"]),
        new("dumb-init", "/usr/bin/dumb-init", []),
        new("catatonit", "/usr/bin/catatonit", []),
    ];
}
