using System.Globalization;
using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests;

/// <summary>
/// At the process limit (RLIMIT_NPROC) init either runs cleanly or says in one line that the limit stopped
/// it, and exits 1, as tini does: never a stack trace, never silence, never "cannot execute". The limit binds
/// only a user without CAP_SYS_RESOURCE, so init runs as a uid with no account and no other process (the count
/// is per user), from a copy it may execute.
/// </summary>
public sealed class ProcessLimitTests : IDisposable
{
    private const int Uid = 64_123;

    private readonly string _dir = Directory.CreateTempSubdirectory("init-nproc-").FullName;

    public ProcessLimitTests()
    {
        File.Copy(Artifacts.Init, Init);
        Directory.CreateDirectory(RuntimeDir);
        Artifacts.Run("chmod", ["755", _dir, Init]);
        Artifacts.Run("chmod", ["777", RuntimeDir]);
        Assert.False(UidHasProcesses(), $"uid {Uid} has processes: the limit would count them too");
    }

    private string Init => Path.Combine(_dir, "init");

    private string Tini => Path.Combine(_dir, "tini");

    /// <summary>Writable for that uid, so `init status` publishing adds no warning of its own.</summary>
    private string RuntimeDir => Path.Combine(_dir, "run");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int ExitCode, string[] Lines) RunWithLimit(int nproc, string init, params string[] args)
    {
        using var run = InitProcess.StartCommand("prlimit", [$"--nproc={nproc}", "setpriv",
            $"--reuid={Uid}", $"--regid={Uid}", "--clear-groups", "env", $"INIT_RUNTIME_DIR={RuntimeDir}", init, .. args]);
        var exit = run.WaitForExit();
        return (exit, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Each_low_limit_gives_a_clean_run_or_one_line_naming_the_limit_and_exit_1()
    {
        var outcomes = new List<string>();
        for (var nproc = 1; nproc <= 6; nproc++)
        {
            var (exit, lines) = RunWithLimit(nproc, Init, "--", "/bin/true");
            var what = $"with nproc {nproc}: exit {exit}, output:\n{string.Join('\n', lines)}";
            if (exit == 0)
            {
                Assert.True(lines.Length == 0, what);
                outcomes.Add("clean");
                continue;
            }
            Assert.True(exit == 1, what);
            var line = Assert.Single(lines);
            Assert.StartsWith("[init] EROR ", line);
            Assert.Contains("the process limit is reached (RLIMIT_NPROC", line);
            outcomes.Add("limit");
        }
        // Both must have happened, or the limits tried did not bite where they should.
        Assert.Equal("limit", outcomes[0]);
        Assert.Equal("clean", outcomes[^1]);
    }

    [TiniFact]
    public void With_no_room_for_a_child_both_exit_1_as_tini_does()
    {
        File.Copy(ReferenceInits.Tini, Tini);
        Artifacts.Run("chmod", ["755", Tini]);
        Assert.Equal(1, RunWithLimit(1, Tini, "-s", "--", "/bin/true").ExitCode);
        Assert.Equal(1, RunWithLimit(1, Init, "--", "/bin/true").ExitCode);
    }

    private static bool UidHasProcesses() =>
        Directory.EnumerateDirectories("/proc").Any(dir =>
        {
            try
            {
                return int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out _) &&
                    File.ReadLines(Path.Combine(dir, "status")).Any(l =>
                        l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t')[1] == Uid.ToString(CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                return false;
            }
        });
}
