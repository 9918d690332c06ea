using Xunit;
using Init.Options;
using Init.Processes;
using Init.Supervision;

namespace Init.Tests.Supervision;

/// <summary>A supervisor over fake processes and a manual clock, with helpers that play the events the loop would.</summary>
internal sealed class SupervisorFixture
{
    public const int Term = 15, Int = 2, Kill = 9, Cont = 18, Stop = 19, Usr1 = 10, Usr2 = 12, Tstp = 20, Quit = 3;

    public SupervisorFixture(InitOptions? options = null, bool isPid1 = true)
    {
        Supervisor = new Supervisor(options ?? WithSidecars(), Processes, Clock,
            new Init.Logging.Log(Init.Logging.LogLevel.Warning, json: false, LogLines, () => DateTimeOffset.UnixEpoch), isPid1);
    }

    /// <summary>What the supervisor logged (warnings and errors), as text lines.</summary>
    public StringWriter LogLines { get; } = new();

    public FakeProcesses Processes { get; } = new();

    public ManualClock Clock { get; } = new();

    public Supervisor Supervisor { get; }

    public static InitOptions WithSidecars(params ProcessSpec[] sidecars) =>
        new() { Command = ["/bin/sh"], Sidecars = [.. sidecars] };

    public static ProcessSpec Sidecar(string name) => new() { Name = name, Command = ["/bin/sh"] };

    public int Pid(string name) => Processes.Pids[name];

    public void Start() => Assert.Null(Supervisor.Start());

    /// <summary>A process ended and its group is empty, as waitpid and kill(-pgid, 0) would say.</summary>
    public void Exit(string name, ExitStatus status)
    {
        var pid = Pid(name);
        Processes.LiveGroups.Remove(pid);
        Supervisor.OnChild(ChildEvent.Exited(pid, status));
        Supervisor.Settle();
    }

    public void Signal(int signal)
    {
        Supervisor.OnSignal(signal);
        Supervisor.Settle();
    }

    /// <summary>Moves the clock and fires what is due, as the loop does after a wake-up; returns the rules fired.</summary>
    public List<Rule> Elapse(TimeSpan by)
    {
        Clock.Advance(by);
        var fired = new List<Rule>();
        while (Deadlines.FirstDue(Supervisor, Clock.Now) is { } due)
        {
            Assert.True(fired.Count < 100, "rules keep firing: " + string.Join(", ", fired));
            fired.Add(due.Rule);
            Supervisor.OnDue(due);
        }
        return fired;
    }

    /// <summary>Actions since the last call.</summary>
    public List<string> TakeActions()
    {
        var actions = Processes.Actions.ToList();
        Processes.Actions.Clear();
        return actions;
    }
}
