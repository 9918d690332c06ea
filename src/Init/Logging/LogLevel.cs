namespace Init.Logging;

/// <summary>How much init says, least to most severe.</summary>
public enum LogLevel
{
    Verbose,
    Debug,
    Information,
    Warning,
    Error,

    /// <summary>Above every level: nothing is written.</summary>
    Silent,
}
