namespace Init.Logging;

/// <summary>
/// One named field of init's log lines: its JSON name, the kind of its value and what it means. The names
/// and meanings are a promise to whoever alerts on them (README.md, "Log events"): a field is never renamed
/// or given another meaning without a note there. <see cref="Companions"/> are the fields a value of this
/// one brings along (a process brings its pid; an exit brings its code and, when killed, the signal).
/// </summary>
internal sealed record LogField(string Name, string Type, string Meaning, params string[] Companions);
