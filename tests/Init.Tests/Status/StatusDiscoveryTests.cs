using Init.Status;
using Xunit;
using Candidate = Init.Status.StatusDiscovery.Candidate;

namespace Init.Tests.Status;

/// <summary>Which init `init status` reads without --dir, from the live status directories and the caller's ancestors.</summary>
public class StatusDiscoveryTests
{
    private static readonly Candidate Pid1 = new("/run/init", 1);
    private static readonly Candidate A = new("/run/init.40", 40);
    private static readonly Candidate B = new("/run/init.77", 77);

    [Theory]
    [InlineData("init.40", true)]
    [InlineData("init.1234567", true)]
    [InlineData("init", false)] // what the pattern "init.*" also matches: once a crash as PID 1
    [InlineData("init.", false)]
    [InlineData("init.x", false)]
    [InlineData("init.-4", false)]
    [InlineData("initd.40", false)]
    public void Only_init_dot_pid_directories_are_per_pid_ones(string name, bool perPid) =>
        Assert.Equal(perPid, StatusDiscovery.IsPerPidName(name));

    [Fact]
    public void Init_runtime_dir_is_the_answer_when_set() =>
        Assert.Equal(("/srv/status", (string?)null), StatusDiscovery.Find("/srv/status"));

    [Fact]
    public void None_running_points_at_the_pid1_location() =>
        Assert.Equal(("/run/init", (string?)null), StatusDiscovery.Choose([], [5, 1]));

    [Fact]
    public void The_only_init_not_pid1_is_found() =>
        Assert.Equal(("/run/init.40", (string?)null), StatusDiscovery.Choose([A], []));

    [Fact]
    public void A_live_pid1_init_wins_over_others_when_the_caller_descends_from_none() =>
        Assert.Equal(("/run/init", (string?)null), StatusDiscovery.Choose([Pid1, A], [0]));

    [Fact]
    public void The_nearest_init_above_the_caller_wins() =>
        Assert.Equal(("/run/init.77", (string?)null), StatusDiscovery.Choose([Pid1, A, B], [90, 77, 40, 1]));

    [Fact]
    public void Several_with_none_above_the_caller_are_listed()
    {
        var (directory, error) = StatusDiscovery.Choose([A, B], [12]);
        Assert.Null(directory);
        Assert.Equal("2 inits are running here: /run/init.40 (init 40), /run/init.77 (init 77); choose one with --dir", error);
    }
}
