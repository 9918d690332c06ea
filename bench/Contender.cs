namespace Bench;

/// <summary>One init under comparison, and how it is told to run a command.</summary>
public sealed record Contender(string Name, string Path, string[] Flags)
{
    /// <summary>Registers as subreaper when the init needs a flag for it (so it reaps when not PID 1, as ours does).</summary>
    public string[] Command(params string[] command) => [Path, .. Flags, "--", .. command];

    public long BinaryBytes => new FileInfo(Path).Length;

    public static IReadOnlyList<Contender> All(string init) =>
    [
        new("init", init, []),
        new("tini", "/usr/bin/tini", ["-s"]),
        new("tini-static", "/usr/bin/tini-static", ["-s"]),
        new("dumb-init", "/usr/bin/dumb-init", []),
        new("catatonit", "/usr/bin/catatonit", []),
    ];
}
