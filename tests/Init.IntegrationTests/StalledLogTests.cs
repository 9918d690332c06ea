using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>init's log never stops init: with stderr a pipe nobody reads (a full Docker log buffer, a stuck
/// `kubectl logs` pipe), signals are still acted on at once.</summary>
public class StalledLogTests
{
    [Fact]
    public void With_a_stalled_log_reader_sigterm_still_ends_init_at_once()
    {
        // init's stderr (and stdout) go into a pipe whose reader, sleep, never reads.
        using var shell = InitProcess.StartCommand("sh", "-c", $"\"{Artifacts.Init}\" -vvv -r 35:0 -- sleep 100 2>&1 | sleep 100");
        var init = 0;
        ProcFs.WaitUntil(() => (init = ProcFs.Descendants(Environment.ProcessId).FirstOrDefault(s => s.Comm == "init").Pid) != 0,
            "init has started");
        ProcFs.WaitUntil(() => ProcFs.Descendants(init).Any(s => s.Comm == "sleep"), "init's child runs");
        try
        {
            // Each queued real-time signal is logged twice (received, dropped): far more than a pipe holds.
            for (var i = 0; i < 3000; i++)
            {
                Signal(init, SIGRTMIN + 1);
            }
            Signal(init, SIGTERM);
            ProcFs.WaitUntil(() => ProcFs.ReadStat(init) is null or { State: 'Z' }, "init has exited", TimeSpan.FromSeconds(10));
        }
        finally
        {
            foreach (var sleeper in ProcFs.Descendants(shell.InitPid).Where(s => s.Comm == "sleep"))
            {
                Kill(sleeper.Pid, SIGKILL);
            }
        }
        shell.WaitForExit();
    }
}
