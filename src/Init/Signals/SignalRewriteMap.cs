namespace Init.Signals;

/// <summary>dumb-init's <c>--rewrite FROM:TO</c>: the signal passed on instead of the one received; 0 drops it.
/// Immutable. Looked up for every signal init receives, so the lookup is an array read (no hashing, no allocation).</summary>
internal sealed class SignalRewriteMap
{
    public const int Drop = 0;

    /// <summary>Signal numbers run from 1 to SIGRTMAX (64 on Linux).</summary>
    private const int Slots = 65;

    /// <summary>Every run builds it (the options' default): from a dictionary, not through IEnumerable, whose
    /// first interface calls cost more at start-up than the table itself (docs/design.md, "Start-up and memory").</summary>
    public static readonly SignalRewriteMap Empty = new(new Dictionary<int, int>());

    private readonly Dictionary<int, int> _entries;
    private readonly int[] _to;

    /// <param name="entries">FROM → TO; a later FROM wins.</param>
    public SignalRewriteMap(IEnumerable<KeyValuePair<int, int>> entries) : this(Collect(entries))
    {
    }

    private SignalRewriteMap(Dictionary<int, int> entries)
    {
        _entries = entries;
        _to = new int[Slots];
        for (var signal = 0; signal < Slots; signal++)
        {
            _to[signal] = _entries.TryGetValue(signal, out var to) ? to : signal;
        }
    }

    private static Dictionary<int, int> Collect(IEnumerable<KeyValuePair<int, int>> entries)
    {
        var collected = new Dictionary<int, int>();
        foreach (var (from, to) in entries)
        {
            collected[from] = to;
        }
        return collected;
    }

    public IReadOnlyDictionary<int, int> Entries => _entries;

    public int Apply(int signal) =>
        (uint)signal < Slots ? _to[signal] : _entries.TryGetValue(signal, out var to) ? to : signal;

    /// <summary>Later entries win, so a flag can override the same FROM given in the environment.</summary>
    public SignalRewriteMap With(IEnumerable<KeyValuePair<int, int>> entries)
    {
        var all = new List<KeyValuePair<int, int>>(_entries);
        all.AddRange(entries);
        return new(all);
    }
}
