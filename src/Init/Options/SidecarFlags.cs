namespace Init.Options;

/// <summary>--sidecar NAME=COMMAND and --sidecar-option NAME.KEY=VALUE, added to the sidecars the flags declared so far.</summary>
internal static class SidecarFlags
{
    public static Settings Command(Settings settings, string spelled, string value) =>
        Add(settings, spelled, value, '=', "NAME=COMMAND", fixedKey: "COMMAND");

    public static Settings Option(Settings settings, string spelled, string value) =>
        Add(settings, spelled, value, '.', "NAME.KEY=VALUE", fixedKey: null);

    private static Settings Add(Settings settings, string spelled, string value, char nameEnd, string form, string? fixedKey)
    {
        var cut = value.IndexOf(nameEnd);
        var eq = fixedKey is null ? value.IndexOf('=', Math.Max(cut, 0)) : cut;
        if (cut <= 0 || eq < 0 || (fixedKey is null && eq <= cut + 1))
        {
            throw new UsageException($"{spelled}: '{value}' is not valid; expected {form}");
        }
        var name = SidecarSpecs.CheckName(value[..cut], spelled);
        // The error for a bad value names the key as written: "--sidecar-option w.max_restarts: ...".
        var source = fixedKey is null ? $"{spelled} {value[..eq]}" : $"{spelled} {name}";
        var key = fixedKey ?? SidecarSpecs.NormaliseKey(value[(cut + 1)..eq], source);
        var sidecars = new List<SidecarDeclaration>(settings.Sidecars ?? []);
        var index = sidecars.FindIndex(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
        var known = index < 0 ? SidecarDeclaration.Empty(name) : sidecars[index];
        if (key == "COMMAND" && known.Values.TryGetValue(key, out var earlier))
        {
            // Two commands under one name among the flags is two sidecars meant, one silently lost. (A flag over
            // an INIT_SIDECARS__ variable of that name is an override: flags win per setting, see Settings.Over.)
            throw new UsageException($"{source}: sidecar '{name}' already has a command ({earlier.Source}); give each sidecar its own name");
        }
        var declaration = known.With(key, new SourcedValue(value[(eq + 1)..], source));
        if (index < 0)
        {
            sidecars.Add(declaration);
        }
        else
        {
            sidecars[index] = declaration;
        }
        return settings with { Sidecars = sidecars };
    }
}
