namespace Init.Options;

/// <summary>A setting of a sidecar as one source gave it, remembering where it came from for error messages.</summary>
internal readonly record struct SourcedValue(string Value, string Source);

/// <summary>
/// A sidecar as declared by one source: `--sidecar NAME=COMMAND` and `--sidecar-option NAME.KEY=VALUE`, or
/// INIT_SIDECARS__NAME__KEY variables. Keys are upper-case (COMMAND, RESTART, ENV:FOO, ...).
/// </summary>
internal sealed record SidecarDeclaration(string Name, IReadOnlyDictionary<string, SourcedValue> Values)
{
    public static SidecarDeclaration Empty(string name) => new(name, new Dictionary<string, SourcedValue>(StringComparer.Ordinal));

    public SidecarDeclaration With(string key, SourcedValue value) => this with { Values = ReadOnlyCopies.With(Values, key, value) };

    /// <summary>This declaration's values win key by key.</summary>
    public SidecarDeclaration Over(SidecarDeclaration lower) => this with { Values = ReadOnlyCopies.Over(Values, lower.Values) };

    /// <summary>Merges two ordered lists by name: the higher source wins per key; order is the lower's, then new names.</summary>
    public static IReadOnlyList<SidecarDeclaration> Merge(IReadOnlyList<SidecarDeclaration>? higher, IReadOnlyList<SidecarDeclaration>? lower)
    {
        if (higher is null || lower is null)
        {
            return higher ?? lower ?? [];
        }
        var merged = new List<SidecarDeclaration>(lower);
        foreach (var declaration in higher)
        {
            var index = merged.FindIndex(d => string.Equals(d.Name, declaration.Name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                merged.Add(declaration);
            }
            else
            {
                merged[index] = declaration.Over(merged[index]);
            }
        }
        return merged;
    }
}
