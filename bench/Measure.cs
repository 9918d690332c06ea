using System.Diagnostics;
using System.Globalization;

namespace Bench;

/// <summary>The measurements, each run for every contender in turn (A B C A B C ...) so drift hits all alike.</summary>
public sealed class Measure(IReadOnlyList<Contender> contenders, string helper, string floor, bool quick)
{
    private static Process Start(IReadOnlyList<string> argv, bool readStdout)
    {
        var info = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = readStdout,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        process.StandardInput.Close();
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private IEnumerable<(int Round, Contender Who)> Rounds(int count)
    {
        for (var round = 0; round < count; round++)
        {
            for (var i = 0; i < contenders.Count; i++)
            {
                yield return (round, contenders[(i + round) % contenders.Count]);
            }
        }
    }

    /// <summary>The key of the start-up floor in <see cref="StartupOverheadMs"/>.</summary>
    public const string Floor = "floor";

    /// <summary>Wall time of `X -- /bin/true`, minus that of `/bin/true` alone (measured in the same rotation);
    /// also of the floor (bench/floor: init's runtime running `/bin/true` and nothing else), under <see cref="Floor"/>.</summary>
    public Dictionary<string, (double Median, double P90)> StartupOverheadMs()
    {
        var runs = quick ? 20 : 300;
        var times = contenders.ToDictionary(c => c.Name, _ => new List<double>());
        times[Floor] = [];
        var baseline = new List<double>();
        foreach (var (round, who) in Rounds(runs))
        {
            times[who.Name].Add(TimeRun(who.Command("/bin/true")));
            baseline.Add(TimeRun(["/bin/true"]));
            if (who == contenders[round % contenders.Count])
            {
                times[Floor].Add(TimeRun([floor, "/bin/true"]));
            }
        }
        var trueMedian = Stats.Median(baseline);
        return times.ToDictionary(t => t.Key,
            t => (Stats.Median(t.Value) - trueMedian, Stats.Percentile(t.Value, 90) - trueMedian));
    }

    private static double TimeRun(string[] argv)
    {
        var clock = Stopwatch.StartNew();
        using var process = Start(argv, readStdout: false);
        process.WaitForExit();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>RSS and its private (anonymous) part, in kB, of an idle init holding one `sleep`, and its context
    /// switches (all threads) over the idle period.</summary>
    public Dictionary<string, (long RssKb, long RssAnonKb, long Wakeups, int Threads)> Idle(TimeSpan period)
    {
        var result = new Dictionary<string, (long, long, long, int)>();
        foreach (var who in contenders)
        {
            using var process = Start(who.Command("sleep", "1000"), readStdout: false);
            Thread.Sleep(500); // let start-up finish before sampling an idle process
            var before = ContextSwitches(process.Id);
            Thread.Sleep(period);
            var after = ContextSwitches(process.Id);
            var rss = StatusValue(process.Id, "VmRSS");
            var anon = StatusValue(process.Id, "RssAnon");
            var threads = Directory.GetDirectories($"/proc/{process.Id}/task").Length;
            Native.Kill(process.Id, Native.SIGTERM);
            process.WaitForExit();
            result[who.Name] = (rss, anon, after - before, threads);
        }
        return result;
    }

    /// <summary>From kill(init, SIGUSR1) to the child's handler acknowledging it through the pipe, one at a time.</summary>
    public Dictionary<string, (double P50, double P99)> SignalLatencyUs()
    {
        var count = quick ? 500 : 10_000;
        var result = new Dictionary<string, (double, double)>();
        foreach (var who in contenders)
        {
            using var process = Start(who.Command(helper, "ack"), readStdout: true);
            var pipe = process.StandardOutput.BaseStream;
            var one = new byte[1];
            Expect(pipe, one, (byte)'r', who);
            var samples = new List<double>(count);
            for (var i = 0; i < count; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                Native.Kill(process.Id, Native.SIGUSR1);
                Expect(pipe, one, (byte)'a', who);
                samples.Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
            }
            Native.Kill(process.Id, Native.SIGTERM);
            process.WaitForExit();
            result[who.Name] = (Stats.Percentile(samples, 50), Stats.Percentile(samples, 99));
        }
        return result;
    }

    private static void Expect(Stream pipe, byte[] one, byte expected, Contender who)
    {
        if (pipe.Read(one, 0, 1) != 1 || one[0] != expected)
        {
            throw new InvalidOperationException($"{who.Name}: the helper did not answer '{(char)expected}'");
        }
    }

    /// <summary>As PID 1: a child makes N orphans that exit at once; microseconds until none is left, and the peak
    /// number of zombies the helper saw (the median run of several).</summary>
    public Dictionary<string, (double Ms, int PeakZombies)> Reaping(int orphans)
    {
        var repeats = quick ? 1 : 5;
        var samples = contenders.ToDictionary(c => c.Name, _ => new List<(double Ms, int Peak)>());
        foreach (var (_, who) in Rounds(repeats))
        {
            using var process = Start(["unshare", "--pid", "--fork", "--mount-proc", .. who.Command(helper, "orphans", orphans.ToString(CultureInfo.InvariantCulture))],
                readStdout: true);
            var line = process.StandardOutput.ReadLine() ?? "";
            process.WaitForExit();
            var parts = line.Split(' ');
            if (parts.Length != 2 || !double.TryParse(parts[0], CultureInfo.InvariantCulture, out var us))
            {
                throw new InvalidOperationException($"{who.Name}: orphans {orphans} said '{line}'");
            }
            samples[who.Name].Add((us / 1000, int.Parse(parts[1], CultureInfo.InvariantCulture)));
        }
        return samples.ToDictionary(s => s.Key, s =>
        {
            var median = Stats.Median(s.Value.Select(v => v.Ms).ToList());
            return (median, s.Value.OrderBy(v => Math.Abs(v.Ms - median)).First().Peak);
        });
    }

    /// <summary>From SIGTERM to init's exit, when the child exits at once on SIGTERM.</summary>
    public Dictionary<string, double> ShutdownMs()
    {
        var runs = quick ? 10 : 100;
        var times = contenders.ToDictionary(c => c.Name, _ => new List<double>());
        foreach (var (_, who) in Rounds(runs))
        {
            using var process = Start(who.Command(helper, "ack"), readStdout: true);
            var one = new byte[1];
            Expect(process.StandardOutput.BaseStream, one, (byte)'r', who);
            var t0 = Stopwatch.GetTimestamp();
            Native.Kill(process.Id, Native.SIGTERM);
            process.WaitForExit();
            times[who.Name].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
        return times.ToDictionary(t => t.Key, t => Stats.Median(t.Value));
    }

    private static long ContextSwitches(int pid)
    {
        long total = 0;
        foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
        {
            foreach (var line in File.ReadLines(Path.Combine(task, "status")))
            {
                if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) ||
                    line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                {
                    total += long.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        return total;
    }

    private static long StatusValue(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Replace("kB", "").Trim(), CultureInfo.InvariantCulture);
    }
}
