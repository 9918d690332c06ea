using System.Collections.Concurrent;

namespace Init.Supervision;

/// <summary>Many producers (signal thread, reaper thread), one consumer (the supervisor). Blocks without polling.</summary>
internal sealed class EventQueue
{
    private readonly BlockingCollection<SupervisorEvent> _events = new(new ConcurrentQueue<SupervisorEvent>());

    public void Post(SupervisorEvent e) => _events.Add(e);

    /// <summary>The next event, or null when <paramref name="timeout"/> passes first (infinite when null).</summary>
    public SupervisorEvent? Take(TimeSpan? timeout)
    {
        var ms = timeout is { } t ? (int)Math.Clamp(Math.Ceiling(t.TotalMilliseconds), 0, int.MaxValue) : Timeout.Infinite;
        return _events.TryTake(out var e, ms) ? e : null;
    }
}
