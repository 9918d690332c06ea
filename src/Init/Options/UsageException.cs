namespace Init.Options;

/// <summary>Bad flags, values or environment settings: reported as one line, exit code 2, nothing started.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
    public const int ExitCode = 2;
}
