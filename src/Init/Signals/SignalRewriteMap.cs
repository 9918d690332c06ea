using System.Collections.Immutable;

namespace Init.Signals;

/// <summary>dumb-init's <c>--rewrite FROM:TO</c>: the signal passed on instead of the one received; 0 drops it.</summary>
internal sealed class SignalRewriteMap
{
    public const int Drop = 0;

    public static readonly SignalRewriteMap Empty = new(ImmutableDictionary<int, int>.Empty);

    private readonly ImmutableDictionary<int, int> _map;

    public SignalRewriteMap(ImmutableDictionary<int, int> map) => _map = map;

    public IReadOnlyDictionary<int, int> Entries => _map;

    public int Apply(int signal) => _map.TryGetValue(signal, out var to) ? to : signal;

    /// <summary>Later entries win, so a flag can override the same FROM given in the environment.</summary>
    public SignalRewriteMap With(IEnumerable<KeyValuePair<int, int>> entries) => new(_map.SetItems(entries));
}
