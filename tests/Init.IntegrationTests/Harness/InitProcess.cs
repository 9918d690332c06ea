using System.Collections.Concurrent;
using System.Diagnostics;

namespace Init.IntegrationTests.Harness;

/// <summary>How a test runs init.</summary>
public enum Mode
{
    /// <summary>An ordinary child of the test: init is not PID 1 and registers as subreaper.</summary>
    Subreaper,

    /// <summary>PID 1 of a fresh PID namespace (unshare --pid --fork --mount-proc), as in a container.</summary>
    Pid1,

    /// <summary>Under a pseudo-terminal (script), stdin/stdout/stderr all terminals, not PID 1.</summary>
    Pty,

    /// <summary>PID 1 of a fresh PID namespace under a pseudo-terminal, as in `docker run -it`.</summary>
    PtyPid1,
}

/// <summary>
/// The published init running one scenario: its output lines as they come, its host pid for signals, its
/// exit code. Tests wait on lines and exits, never on bare sleeps.
/// </summary>
public sealed class InitProcess : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly BlockingCollection<string> _incoming = new();
    private readonly ConcurrentQueue<string> _all = new();
    private readonly List<string> _unclaimed = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _initPid;

    private InitProcess(Process process, Mode mode)
    {
        _process = process;
        Mode = mode;
    }

    public Mode Mode { get; }

    /// <summary>Every line so far, stdout and stderr interleaved as they arrived.</summary>
    public string Output => string.Join('\n', _all);

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>init's pid as the host sees it (under unshare and script it is a descendant of what we started).</summary>
    public int InitPid => _initPid != 0 ? _initPid : _initPid = FindInit();

    /// <param name="launcher">a command that execs init (e.g. the probe blocking signals first); Subreaper mode only.</param>
    public static InitProcess Start(Mode mode, IEnumerable<string> initArgs, IReadOnlyDictionary<string, string>? env = null,
        IReadOnlyList<string>? launcher = null)
    {
        var argv = new List<string>(launcher ?? []) { Artifacts.Init };
        argv.AddRange(initArgs);
        var (file, args) = mode switch
        {
            Mode.Subreaper => (argv[0], argv.Skip(1).ToList()),
            Mode.Pid1 => ("unshare", (List<string>)["--pid", "--fork", "--mount-proc", "--kill-child", .. argv]),
            Mode.Pty => ("script", (List<string>)["-qec", "exec " + ShellQuote(argv), "/dev/null"]),
            Mode.PtyPid1 => ("script", (List<string>)["-qec",
                "exec unshare --pid --fork --mount-proc --kill-child " + ShellQuote(argv), "/dev/null"]),
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };

        return Launch(mode, file, args, env);
    }

    private static InitProcess Launch(Mode mode, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("INIT_", StringComparison.Ordinal) || key.StartsWith("TINI_", StringComparison.Ordinal) ||
                key.StartsWith("DUMB_INIT_", StringComparison.Ordinal))
            {
                info.Environment.Remove(key);
            }
        }
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var run = new InitProcess(process, mode);
        process.OutputDataReceived += (_, e) => run.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => run.Receive(e.Data);
        process.Start();
        // No terminal of the test runner may leak in: stdin is an empty pipe (script makes its own pty).
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    public static InitProcess Start(Mode mode, params string[] initArgs) => Start(mode, initArgs, null);

    /// <summary>init started by a command of the test's own making (e.g. chroot into a bare root), as PID 1 of
    /// the namespace that command makes: <see cref="InitPid"/> finds it among its descendants.</summary>
    public static InitProcess StartAsPid1(string file, params string[] args) => Launch(Mode.Pid1, file, args, null);

    /// <summary>Any command, with the same line capture (e.g. a docker client under script).</summary>
    public static InitProcess StartCommand(string file, params string[] args) => Launch(Mode.Subreaper, file, args, null);

    /// <summary>Runs to the end and returns the exit code.</summary>
    public static (int ExitCode, string Output) Run(Mode mode, params string[] initArgs)
    {
        using var run = Start(mode, initArgs);
        var code = run.WaitForExit();
        return (code, run.Output);
    }

    /// <summary>
    /// The first line matching that no earlier wait took, whether it came before this call or comes within
    /// the timeout. Lines are taken once: two waits for the same text need two such lines.
    /// </summary>
    public string WaitForLine(Func<string, bool> match, TimeSpan? timeout = null, string? what = null)
    {
        lock (_unclaimed)
        {
            var earlier = _unclaimed.FindIndex(l => match(l));
            if (earlier >= 0)
            {
                var found = _unclaimed[earlier];
                _unclaimed.RemoveAt(earlier);
                return found;
            }
            var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
            while (true)
            {
                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero || !_incoming.TryTake(out var line, remaining))
                {
                    throw new TimeoutException($"no line {what ?? "matching"} within {timeout ?? DefaultTimeout}; output:\n{Output}");
                }
                if (match(line))
                {
                    return line;
                }
                _unclaimed.Add(line);
            }
        }
    }

    public string WaitForLine(string prefix, TimeSpan? timeout = null) =>
        WaitForLine(l => l.StartsWith(prefix, StringComparison.Ordinal), timeout, $"starting '{prefix}'");

    /// <summary>Waits for the probe's "ready pid=P pgid=G" line; returns P (as init's namespace sees it).</summary>
    public int WaitForReady()
    {
        var line = WaitForLine("ready ");
        return int.Parse(line.Split(' ')[1]["pid=".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public int WaitForExit(TimeSpan? timeout = null)
    {
        if (!_process.WaitForExit(timeout ?? DefaultTimeout))
        {
            throw new TimeoutException($"init did not exit within {timeout ?? DefaultTimeout}; output:\n{Output}");
        }
        _process.WaitForExit(); // drains the output events
        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Runs `init ARGS` (e.g. status) inside this init's PID and mount namespaces, as `kubectl exec` would.</summary>
    public (int ExitCode, string Output) RunInside(params string[] args)
    {
        using var inside = StartCommand("nsenter",
            ["-t", InitPid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-p", "-m", Artifacts.Init, .. args]);
        var code = inside.WaitForExit();
        return (code, inside.Output);
    }

    public void Signal(int signal) => Native.Signal(InitPid, signal);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
            }
        }
        _process.Dispose();
    }

    private void Receive(string? data)
    {
        if (data is null)
        {
            return;
        }
        var line = data.TrimEnd('\r');
        _all.Enqueue(line);
        _incoming.Add(line);
    }

    private int FindInit()
    {
        if (Mode == Mode.Subreaper)
        {
            return _process.Id;
        }
        var deadline = DateTime.UtcNow + DefaultTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var init = ProcFs.Descendants(_process.Id).FirstOrDefault(s => s.Comm == "init");
            if (init.Pid != 0)
            {
                return init.Pid;
            }
            Thread.Sleep(5);
        }
        throw new TimeoutException($"init did not appear under pid {_process.Id}; output:\n{Output}");
    }

    private static string ShellQuote(IEnumerable<string> args) =>
        string.Join(' ', args.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
}
