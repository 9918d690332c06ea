namespace Init.Options;

/// <summary>
/// Option values are plain dictionaries, sets and lists shown read-only, and never changed once handed out:
/// a setting that adds to one builds a copy. (System.Collections.Immutable did this for us, for 90 KB of code
/// and a costlier start-up; docs/design.md, "Start-up and memory".)
/// </summary>
internal static class ReadOnlyCopies
{
    /// <summary>Shared by every option value that has none, so records that have none still compare equal.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>(StringComparer.Ordinal);

    public static readonly IReadOnlySet<int> NoCodes = new HashSet<int>();

    /// <summary><paramref name="lower"/> with <paramref name="higher"/>'s entries over it.</summary>
    public static IReadOnlyDictionary<TKey, TValue> Over<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> higher,
        IReadOnlyDictionary<TKey, TValue>? lower) where TKey : notnull
    {
        var merged = lower is null ? new Dictionary<TKey, TValue>() : Copy(lower);
        foreach (var (key, value) in higher)
        {
            merged[key] = value;
        }
        return merged;
    }

    public static IReadOnlyDictionary<TKey, TValue> With<TKey, TValue>(IReadOnlyDictionary<TKey, TValue>? map, TKey key,
        TValue value) where TKey : notnull
    {
        var copy = map is null ? new Dictionary<TKey, TValue>() : Copy(map);
        copy[key] = value;
        return copy;
    }

    public static IReadOnlySet<int> With(IReadOnlySet<int>? set, int item)
    {
        var copy = set is null ? new HashSet<int>() : new HashSet<int>(set);
        copy.Add(item);
        return copy;
    }

    private static Dictionary<TKey, TValue> Copy<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> map) where TKey : notnull
    {
        var copy = new Dictionary<TKey, TValue>(map.Count);
        foreach (var (key, value) in map)
        {
            copy[key] = value;
        }
        return copy;
    }
}
