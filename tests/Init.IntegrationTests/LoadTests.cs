using System.Globalization;
using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>
/// Under load init stays as it is idle: one loop on one thread, nothing queued between threads
/// (docs/design.md, "The loop"). It once grew from 4 threads to 13 and from 7 MB to 25 MB under a signal
/// storm beside a crash-looping sidecar, and later by 3 MB more with each storm (a closure and an iterator
/// allocated per signal); judged here by init's Threads and VmRSS in /proc over three storms.
/// </summary>
public class LoadTests : IDisposable
{
    private const int StormSignals = 120_000;

    private const int Storms = 3;

    private readonly string _dir = Directory.CreateTempSubdirectory("init-load-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_signal_storm_beside_a_crash_looping_sidecar_keeps_threads_and_memory_flat()
    {
        using var run = InitProcess.Start(Mode.Pid1, [Artifacts.Probe, "signals", "--quiet"], new Dictionary<string, string>
        {
            ["INIT_RUNTIME_DIR"] = _dir,
            ["INIT_SIDECARS__crash__COMMAND"] = "sh -c 'exit 1'",
            ["INIT_SIDECARS__crash__RESTART_DELAY"] = "10ms",
            ["INIT_SIDECARS__crash__RESTART_BACKOFF"] = "1",
            ["INIT_SIDECARS__crash__MAX_RESTARTS"] = "100000",
        });
        run.WaitForReady();
        // Idle as far as a crash loop lets it be: the spawn, reap and publish paths have each run.
        run.WaitForLine(l => l.Contains("restart 5 in", StringComparison.Ordinal), what: "the fifth restart");
        var pid = run.InitPid;
        var idleThreads = ProcFs.StatusNumber(pid, "Threads");
        var idleRssKb = ProcFs.StatusNumber(pid, "VmRSS");

        // USR1 USR2 HUP WINCH URG, all forwarded. Standard signals: a pending one absorbs the next of its number,
        // so init reads as many as it keeps up with. (Real-time ones would queue by the ten thousand, and the
        // kernel's dequeue walks that queue: tens of thousands take minutes to drain, for any reader.)
        // Three storms in a row: memory that one storm leaves behind would pile up over the next two.
        long maxThreads = 0, maxRssKb = 0;
        void Sample()
        {
            maxThreads = Math.Max(maxThreads, ProcFs.StatusNumber(pid, "Threads"));
            maxRssKb = Math.Max(maxRssKb, ProcFs.StatusNumber(pid, "VmRSS"));
        }
        for (var storms = 0; storms < Storms; storms++)
        {
            using var storm = InitProcess.StartCommand(Artifacts.Probe,
                ["storm", pid.ToString(CultureInfo.InvariantCulture), StormSignals.ToString(CultureInfo.InvariantCulture),
                    "10", "12", "1", "28", "23"]);
            ProcFs.WaitUntil(() => { Sample(); return storm.HasExited; }, "the storm is sent", TimeSpan.FromSeconds(120));
            Assert.Equal(0, storm.WaitForExit());
            Assert.Contains($"storm {StormSignals} sent", storm.Output);
            ProcFs.WaitUntil(() => { Sample(); return ProcFs.StatusMask(pid, "ShdPnd") == 0 && ProcFs.StatusMask(pid, "SigPnd") == 0; },
                "init has read every signal");
            Sample();
        }

        var facts = $"idle: {idleThreads} threads, {idleRssKb} kB; under {Storms} storms at most {maxThreads} threads, {maxRssKb} kB";
        Assert.True(idleThreads == 2, facts);
        Assert.True(maxThreads == idleThreads, facts);
        Assert.True(maxRssKb <= 2 * idleRssKb, facts);
        Assert.False(run.HasExited, run.Output);
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }
}
