namespace Init.Signals;

/// <summary>dumb-init's <c>--rewrite FROM:TO</c>: the signal passed on instead of the one received; 0 drops it.
/// Immutable. Looked up for every signal init receives, so the lookup is an array read (no hashing, no allocation).</summary>
internal sealed class SignalRewriteMap
{
    public const int Drop = 0;

    /// <summary>Signal numbers run from 1 to SIGRTMAX (64 on Linux).</summary>
    private const int Slots = 65;

    public static readonly SignalRewriteMap Empty = new([]);

    private readonly Dictionary<int, int> _entries;
    private readonly int[] _to;

    /// <param name="entries">FROM → TO; a later FROM wins.</param>
    public SignalRewriteMap(IEnumerable<KeyValuePair<int, int>> entries)
    {
        _entries = [];
        foreach (var (from, to) in entries)
        {
            _entries[from] = to;
        }
        _to = new int[Slots];
        for (var signal = 0; signal < Slots; signal++)
        {
            _to[signal] = _entries.TryGetValue(signal, out var to) ? to : signal;
        }
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
