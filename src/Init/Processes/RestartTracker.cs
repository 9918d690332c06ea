using Init.Options;

namespace Init.Processes;

/// <summary>The decision after a supervised process ended.</summary>
internal abstract record RestartDecision
{
    /// <summary>Start it again after <paramref name="Delay"/>.</summary>
    public sealed record Restart(TimeSpan Delay) : RestartDecision;

    /// <summary>Its policy does not restart it for this exit.</summary>
    public sealed record Stay : RestartDecision;

    /// <summary>Too many restarts within the window.</summary>
    public sealed record GiveUp(int RestartsInWindow) : RestartDecision;
}

/// <summary>One process's restart history and the policy maths over it; pure, times are passed in.</summary>
internal sealed class RestartTracker(RestartPolicy policy)
{
    private readonly Queue<TimeSpan> _restarts = new();
    private int _quickExits;

    public RestartPolicy Policy => policy;

    /// <summary>Restarts so far, over the whole life of init.</summary>
    public int Restarts { get; private set; }

    /// <param name="status">how it ended.</param>
    /// <param name="uptime">how long that run lasted.</param>
    /// <param name="now">a monotonic clock reading.</param>
    public RestartDecision OnExit(ExitStatus status, TimeSpan uptime, TimeSpan now)
    {
        if (!WantsRestart(status))
        {
            return new RestartDecision.Stay();
        }

        while (_restarts.Count > 0 && now - _restarts.Peek() > policy.Window)
        {
            _restarts.Dequeue();
        }
        if (_restarts.Count >= policy.MaxRestarts)
        {
            return new RestartDecision.GiveUp(_restarts.Count);
        }

        _quickExits = uptime >= policy.MinUptime ? 0 : _quickExits + 1;
        _restarts.Enqueue(now);
        Restarts++;
        return new RestartDecision.Restart(Delay(_quickExits));
    }

    private bool WantsRestart(ExitStatus status) => policy.Mode switch
    {
        RestartMode.Always => true,
        RestartMode.OnFailure => status.ExitCode != 0,
        _ => false,
    };

    /// <summary>InitialDelay x Factor^(n-1) for the n-th quick exit in a row, capped; a long run restarts after InitialDelay.</summary>
    private TimeSpan Delay(int quickExits)
    {
        var exponent = Math.Max(0, quickExits - 1);
        var ms = policy.InitialDelay.TotalMilliseconds * Math.Pow(policy.Factor, exponent);
        return TimeSpan.FromMilliseconds(Math.Min(ms, policy.MaxDelay.TotalMilliseconds));
    }
}
