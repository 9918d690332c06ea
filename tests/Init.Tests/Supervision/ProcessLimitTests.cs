using Init.Posix;
using Init.Processes;
using Init.Supervision;
using Xunit;

namespace Init.Tests.Supervision;

/// <summary>vfork's EAGAIN (RLIMIT_NPROC or pids.max reached) is told as the process limit, not as a command
/// that "cannot execute", and init exits 1, as tini does when its fork fails.</summary>
public class ProcessLimitTests
{
    [Fact]
    public void The_main_process_at_the_limit_is_one_line_naming_it_and_exit_1()
    {
        var f = new SupervisorFixture();
        f.Processes.SpawnErrors["main"] = ProcessLimit.Eagain;

        f.Start();

        var line = Assert.Single(f.LogLines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("[init] EROR /bin/sh: cannot start: " + ProcessLimit.Explanation + ", for main process", line);
        Assert.Equal(1, f.Supervisor.ExitCode());
    }

    [Fact]
    public void A_sidecar_at_the_limit_is_named_and_follows_its_restart_policy()
    {
        var f = new SupervisorFixture(SupervisorFixture.WithSidecars(SupervisorFixture.Sidecar("worker")));
        f.Processes.SpawnErrors["worker"] = ProcessLimit.Eagain;

        f.Start();

        Assert.Contains("/bin/sh: cannot start: " + ProcessLimit.Explanation + ", for sidecar worker", f.LogLines.ToString());
        Assert.Contains("ended: exit code 1; restart 1 in 1s", f.LogLines.ToString());
        Assert.Equal(ProcessState.WaitingToRestart, f.Supervisor.Sidecars[0].State);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Out_of_memory_may_be_a_thread_the_runtime_could_not_start(bool outOfMemory, bool explains)
    {
        Exception inner = outOfMemory ? new OutOfMemoryException() : new InvalidOperationException();
        Assert.Equal(explains, ProcessLimit.MayExplain(inner));
        Assert.Equal(explains, ProcessLimit.MayExplain(new TypeInitializationException("Some.Type", inner)));
    }

    [Fact]
    public void At_the_limit_the_exit_code_is_1_not_the_shells()
    {
        var outcome = SpawnOutcome.Failed(ProcessLimit.Eagain);
        Assert.True(outcome.AtProcessLimit);
        Assert.Equal(1, outcome.ExitCode);
        Assert.False(SpawnOutcome.Failed(FileChecks.Eacces).AtProcessLimit);
    }
}
