namespace Init.Supervision;

/// <summary>Where init as a whole is. Every decision that depends on "has the shutdown begun" reads this.</summary>
internal enum InitPhase
{
    /// <summary>Sidecars are starting; the main process waits for the REQUIRED ones to be ready.</summary>
    Starting,

    /// <summary>The main process runs.</summary>
    Running,

    /// <summary>SIGTERM/SIGINT came with a shutdown delay: everything keeps running until it is over.</summary>
    Delaying,

    /// <summary>The shutdown sequence stops the processes one after another.</summary>
    Stopping,

    /// <summary>Everything is stopped; init exits.</summary>
    Done,
}
