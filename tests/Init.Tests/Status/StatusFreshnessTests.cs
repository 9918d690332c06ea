using Init.Status;
using Xunit;

namespace Init.Tests.Status;

/// <summary>An old status file (init could not publish since) is told from a fresh one by pids and start times.</summary>
public class StatusFreshnessTests
{
    private static readonly StatusWriter Writer = new(Pid: 1, StartTicks: 500, Sequence: 7);

    private static ProcessSnapshot Row(string name, int pid, string state, long? startTicks) =>
        new(name, pid, state, Ready: state == "running", Required: true, Restarts: 0, StartedAt: null, LastExit: null,
            StatusText: null, startTicks);

    private static readonly ProcessSnapshot[] Rows =
        [Row("main", 20, "running", 900), Row("db", 10, "running", 800), Row("cache", 0, "restarting", null)];

    /// <summary>The processes alive now, pid to start time.</summary>
    private static Func<int, long?> Alive(params (int Pid, long Ticks)[] alive) =>
        pid => alive.Where(a => a.Pid == pid).Select(a => (long?)a.Ticks).FirstOrDefault();

    [Fact]
    public void A_file_whose_init_and_running_processes_are_all_still_there_is_fresh() =>
        Assert.Null(StatusFreshness.WhyStale(Writer, Rows, Alive((1, 500), (20, 900), (10, 800))));

    [Fact]
    public void A_running_process_that_has_ended_makes_it_stale() =>
        Assert.Equal("db (10) is no longer running and init could not publish since (its log says why)",
            StatusFreshness.WhyStale(Writer, Rows, Alive((1, 500), (20, 900))));

    [Fact]
    public void A_running_process_whose_pid_now_names_another_process_makes_it_stale() =>
        Assert.StartsWith("db (10) is no longer running",
            StatusFreshness.WhyStale(Writer, Rows, Alive((1, 500), (20, 900), (10, 801))));

    [Fact]
    public void A_running_row_without_a_start_time_is_not_trusted() =>
        Assert.StartsWith("db (10)",
            StatusFreshness.WhyStale(Writer, [Row("db", 10, "running", null)], Alive((1, 500), (10, 800))));

    [Theory]
    [InlineData(null, "init 1 is not running")]
    [InlineData(501L, "init 1 is not the init that wrote it")]
    public void Another_or_no_init_makes_it_stale(long? initTicks, string expected) =>
        Assert.Equal(expected, StatusFreshness.WhyStale(Writer, Rows,
            initTicks is { } t ? Alive((1, t), (20, 900), (10, 800)) : Alive((20, 900), (10, 800))));

    [Fact]
    public void An_init_that_could_not_read_its_own_start_time_is_not_trusted() =>
        Assert.Equal("init 1 is not the init that wrote it",
            StatusFreshness.WhyStale(Writer with { StartTicks = null }, Rows, Alive((1, 500), (20, 900), (10, 800))));

    [Fact]
    public void The_file_keeps_the_writer_and_every_start_time()
    {
        var rows = new[] { Row("main", 20, "running", 900) with { StatusText = "a\tb", StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(1234) },
            Row("db", 0, "down", null) with { LastExit = "exit code 1" } };

        var read = StatusFile.Deserialize(StatusFile.Serialize(Writer, rows), out var writer);

        Assert.Equal(Writer, writer);
        Assert.Equal([rows[0] with { StatusText = "a b" }, rows[1]], read);
    }

    [Theory]
    [InlineData("init 1\n")]
    [InlineData("init 1 - x\n")]
    [InlineData("status 1 2 3\n")]
    [InlineData("init 1 2 3\nmain\t1\trunning\t1\t1\t0\t-\t\t\n")]
    public void Anything_else_is_not_a_status_file(string text) =>
        Assert.Throws<FormatException>(() => StatusFile.Deserialize(System.Text.Encoding.UTF8.GetBytes(text), out _));
}
