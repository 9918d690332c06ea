using System.Diagnostics;

namespace Init.Supervision;

/// <summary>Monotonic time since init started (deadlines), and the wall clock (only for `init status`).</summary>
internal interface IClock
{
    TimeSpan Now { get; }

    DateTimeOffset WallNow { get; }
}

internal sealed class MonotonicClock : IClock
{
    private readonly long _start = Stopwatch.GetTimestamp();

    public TimeSpan Now => Stopwatch.GetElapsedTime(_start);

    public DateTimeOffset WallNow => DateTimeOffset.UtcNow;
}
