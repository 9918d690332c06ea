using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>Under a pseudo-terminal, as `docker run -it` gives one.</summary>
public class TerminalTests
{
    // One code per mode: every code's decoding is unit-tested (ExitStatusTests), the codes through a real
    // PID 1 in ExitCodeTests; 0 under a terminal ends most tests here and in SignalForwardingTests.
    [Theory]
    [InlineData(Mode.Pty, 7)]
    [InlineData(Mode.PtyPid1, 255)]
    public void Exit_code_is_kept(Mode mode, int code)
    {
        var (exit, output) = InitProcess.Run(mode, "sh", "-c", $"exit {code}");
        Assert.True(code == exit, output);
    }

    [Theory]
    [InlineData(Mode.Pty)]
    [InlineData(Mode.PtyPid1)]
    public void No_sigchld_handler_even_with_a_terminal(Mode mode)
    {
        // With a SIGCHLD handler installed, the .NET runtime as PID 1 reaps children behind init's back and
        // their exit statuses are lost. Terminal set-up is what installs one; init must never let it.
        using var run = InitProcess.Start(mode, "-vv", Artifacts.Probe, "signals", "--exit-code", "4");
        run.WaitForReady();
        var caught = ProcFs.StatusMask(run.InitPid, "SigCgt");
        Assert.False(ProcFs.Has(caught, SIGCHLD), $"SigCgt {caught:x16} has SIGCHLD");
        // TERM is not caught either: it is blocked and read from the loop's signalfd.
        Assert.False(ProcFs.Has(caught, SIGTERM), $"SigCgt {caught:x16} has SIGTERM");
        Assert.True(ProcFs.Has(ProcFs.StatusMask(run.InitPid, "SigBlk"), SIGTERM), "SIGTERM is not blocked");
        run.Signal(SIGTERM);
        Assert.Equal(4, run.WaitForExit());
    }

    [Theory]
    [InlineData(Mode.Pty)]
    [InlineData(Mode.PtyPid1)]
    public void The_child_group_is_the_terminal_foreground(Mode mode)
    {
        using var run = InitProcess.Start(mode, Artifacts.Probe, "signals");
        run.WaitForReady();
        var child = ProcFs.Descendants(run.InitPid).Single(s => s.Comm == "probe");
        Assert.Equal(child.Pid, child.PGrp);
        Assert.Equal(child.PGrp, child.TpGid);
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Ctrl_c_from_the_terminal_reaches_the_child()
    {
        // The terminal sends SIGINT to its foreground group, which is the child's, not init's.
        using var run = InitProcess.Start(Mode.PtyPid1, "-t", "1s", "sh", "-c", "echo ready; exec sleep 30");
        run.WaitForLine("ready");
        var child = ProcFs.Descendants(run.InitPid).Single(s => s.Comm is "sh" or "sleep");
        ProcFs.WaitUntil(() => ProcFs.ReadStat(child.Pid)?.Comm == "sleep", "sleep runs");
        // What the child is, for a failure: its group, the terminal's foreground group, and whether SIGINT
        // could reach it at all (inherited as ignored or blocked from whoever started the test).
        var facts = $"sleep {child.Pid}: pgrp {child.PGrp}, tpgid {child.TpGid}, " +
            $"SIGINT ignored {ProcFs.Has(ProcFs.StatusMask(child.Pid, "SigIgn"), SIGINT)}, " +
            $"blocked {ProcFs.Has(ProcFs.StatusMask(child.Pid, "SigBlk"), SIGINT)}";
        Assert.True(child.TpGid > 1 && child.TpGid == child.PGrp, facts);
        Signal(-child.TpGid, SIGINT);
        var exit = Record.Exception(() => Assert.Equal(130, run.WaitForExit()));
        Assert.True(exit is null, $"{facts}; {exit?.Message}");
    }

    [Fact]
    public void An_interactive_shell_gets_job_control()
    {
        // docker run -it img bash: bash must find itself in the terminal's foreground group to enable
        // job control (flag m), and `fg` must work.
        using var run = InitProcess.Start(Mode.PtyPid1, "bash", "--norc", "--noprofile", "-i", "-c",
            "echo flags=$-; sleep 0.1 & fg; echo fg-done");
        Assert.Equal(0, run.WaitForExit());
        Assert.Matches("flags=[a-zA-Z]*m", run.Output);
        Assert.Contains("fg-done", run.Output);
        Assert.DoesNotContain("no job control", run.Output);
    }

    [Fact]
    public void Ctrl_z_stops_init_too_so_the_shell_gets_its_prompt_back_and_fg_resumes()
    {
        // bash runs init as a job; the terminal's Ctrl-Z goes to the foreground group, the child's. bash
        // waits for init, so init must stop as well (with SIGSTOP, as dumb-init: status 147), and `fg` must
        // bring both back.
        using var run = InitProcess.Start(Mode.Pty, "-vv", "--", "bash", "--norc", "--noprofile", "-i", "-c",
            $"'{Artifacts.Init}' -vv sleep 2; echo \"first: $?\"; fg; echo \"second: $?\"");
        var sleep = 0;
        ProcFs.WaitUntil(() => (sleep = ProcFs.Descendants(run.InitPid).FirstOrDefault(s => s.Comm == "sleep").Pid) != 0,
            "sleep runs");
        var foreground = ProcFs.ReadStat(sleep)!.Value.TpGid;
        Signal(-foreground, SIGTSTP);
        run.WaitForLine("first: 147");
        run.WaitForLine("second: 0");
        Assert.Equal(0, run.WaitForExit());
    }
}
