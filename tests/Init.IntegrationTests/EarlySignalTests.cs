using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>
/// As PID 1 the kernel drops a signal whose disposition is the default. A SIGTERM that arrives while the
/// runtime is still starting (milliseconds) must not be lost: the C constructor blocks it first thing, so it
/// waits, pending, for the loop. (Between exec and the constructor, libc's own start-up, a few microseconds
/// remain in which the kernel would drop it, as it would for tini.)
/// </summary>
public class EarlySignalTests
{
    [Fact]
    public void A_sigterm_sent_the_moment_init_exists_is_never_lost()
    {
        const int runs = 1_000;
        for (var i = 0; i < runs; i++)
        {
            using var run = InitProcess.Start(Mode.Pid1, "sleep", "100");
            // The moment the constructor has run (SIGTERM blocked), long before the runtime has started.
            var pid = run.InitPid;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (!ProcFs.Has(ProcFs.StatusMask(pid, "SigBlk"), SIGTERM) && DateTime.UtcNow < deadline)
            {
            }
            run.Signal(SIGTERM);
            Assert.True(run.WaitForExit(TimeSpan.FromSeconds(10)) == 128 + SIGTERM, $"run {i}: {run.Output}");
        }
    }
}
