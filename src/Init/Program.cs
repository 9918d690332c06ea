using Init.Logging;
using Init.Options;
using Init.Posix;
using Init.Processes;
using Init.Supervision;

namespace Init;

internal static class Program
{
    private const int StartupFailure = 1;

    public static int Main(string[] managedArgs)
    {
        // Byte for byte: the command's words are handed to exec as they came (docs/design.md, "Arguments are bytes").
        var args = ProcessStrings.Arguments(managedArgs);
        if (args.Length > 0 && args[0] == Status.StatusCommand.Name)
        {
            return Status.StatusCommand.Run(args[1..], StandardStreams.Out, StandardStreams.Error);
        }

        InitOptions options;
        Log? log = null;
        try
        {
            var commandLine = CommandLine.Parse(args);
            switch (commandLine.Action)
            {
                case InitAction.Help:
                    StandardStreams.Out.Write(HelpText.Text);
                    return 0;
                case InitAction.Version:
                    StandardStreams.Out.WriteLine(HelpText.VersionLine);
                    return 0;
            }
            var env = EnvironmentSettings.FromProcessEnvironment();
            options = commandLine.Settings.Over(EnvironmentSettings.Read(env)).ToOptions(commandLine.Command);
            log = new Log(options.LogLevel, options.LogFormat == LogFormat.Json, StandardStreams.Log, () => DateTimeOffset.UtcNow);
            StandardStreams.NoteDroppedLinesIn(log);
            foreach (var key in EnvironmentSettings.UnknownInitKeys(env))
            {
                log.Write(LogEvents.UnknownVariable, key);
            }
            return Run(options, log);
        }
        catch (UsageException e)
        {
            StandardStreams.Error.WriteLine($"init: {e.Message} (usage: {HelpText.Usage}; see init --help)");
            return UsageException.ExitCode;
        }
        catch (Exception e) when (ProcessLimit.MayExplain(e) && ProcessLimit.Reached())
        {
            // A thread the runtime could not start: one line instead of a stack trace, when that is the cause.
            StandardStreams.Error.WriteLine($"[init] EROR cannot go on: {ProcessLimit.Explanation}");
            return StartupFailure;
        }
        catch (Exception e)
        {
            // The last resort, outside the loop's own guard (EventLoop.Guarded): one line and a documented exit
            // code, never the runtime's report of an unhandled exception (docs/design.md, "The loop").
            LastResort(log, ErrorText.Of(e));
            return StartupFailure;
        }
    }

    /// <summary>Through init's log when it exists; before that (options not read yet) through a text log of
    /// errors, so the line is the event's either way. The log's stream drops what it cannot write instead of
    /// throwing.</summary>
    private static void LastResort(Log? log, string error) =>
        (log ?? new Log(LogLevel.Error, json: false, StandardStreams.Log, () => DateTimeOffset.UtcNow))
            .Write(LogEvents.InternalFailure, error);

    private static int Run(InitOptions options, Log log)
    {
        SignalFd signals;
        try
        {
            if (!ProcessControl.IsPid1 && options.Subreaper)
            {
                ProcessControl.BecomeSubreaper();
                log.Write(LogEvents.Subreaper, ProcessControl.Pid);
            }
            if (options.ParentDeathSignal is { } pdeath)
            {
                ProcessControl.SetParentDeathSignal(pdeath);
            }
            signals = SignalFd.OpenForWaitedSignals();
        }
        catch (SystemCallFailed e)
        {
            log.Write(LogEvents.StartupFailed, e.Message);
            return StartupFailure;
        }

        var wantsNotify = options.NeedsNotifySocket;
        // Not even named when neither the status file nor the socket needs it: a plain `init -- app` pays
        // nothing for either (docs/design.md, "Start-up and memory").
        using var runtimeDir = options.PublishesStatus || wantsNotify
            ? Status.RuntimeDirectory.ForThisInit(Environment.GetEnvironmentVariable(Status.RuntimeDirectory.EnvKey),
                ProcessControl.Pid, ProcessControl.IsPid1)
            : null;
        var status = runtimeDir is not null && options.PublishesStatus ? new Status.StatusPublisher(runtimeDir, log) : null;
        using var notify = runtimeDir is not null && wantsNotify ? OpenNotifySocket(runtimeDir, log) : null;
        var common = new Dictionary<string, string>();
        if (notify is not null)
        {
            common["NOTIFY_SOCKET"] = notify.Path;
        }
        // init leaves its start directory for / (docs/design.md, "Spawning") and its children get it back by
        // chdir; one it could not enter again (started there as a user who may not search it) it stays in,
        // and children inherit it, as under tini.
        var startDirectory = ProcessControl.CurrentDirectory();
        if (startDirectory is not null && FileChecks.CanEnter(startDirectory))
        {
            ProcessControl.LeaveStartDirectory();
        }
        else
        {
            startDirectory = null;
        }
        var clock = new MonotonicClock();
        var spawner = new ChildSpawner(common, startDirectory);
        var supervisor = new Supervisor(options, new LiveProcesses(spawner), clock, log, ProcessControl.IsPid1);
        // Disposed in reverse: the signalfd, the socket, then the directory the socket was in.
        using (signals)
        {
            return new EventLoop(supervisor, signals, notify, clock, status, log).Run();
        }
    }

    /// <summary>The systemd notify socket children report readiness to; without it init still runs.</summary>
    private static NotifySocket? OpenNotifySocket(Status.RuntimeDirectory runtimeDir, Log log)
    {
        try
        {
            runtimeDir.Create();
            return NotifySocket.Create(runtimeDir.NotifySocket);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SystemCallFailed)
        {
            log.Write(LogEvents.NotifySocketUnavailable, runtimeDir.Path, ErrorText.Of(e));
            return null;
        }
    }
}
