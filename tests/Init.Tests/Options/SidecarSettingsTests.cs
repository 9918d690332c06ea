using Init.Options;
using Xunit;

namespace Init.Tests.Options;

public class SidecarSettingsTests
{
    /// <summary>Variables as the process would have them; "A:B" in a name is written "A__B" (as in a manifest).</summary>
    private static IReadOnlyDictionary<string, string> Env(params (string Key, string Value)[] variables) =>
        variables.ToDictionary(v => v.Key.Replace(":", "__", StringComparison.Ordinal), v => v.Value);

    private static InitOptions Resolve(string[] args, IReadOnlyDictionary<string, string> env)
    {
        var cli = CommandLine.Parse(args);
        return cli.Settings.Over(EnvironmentSettings.Read(env)).ToOptions(cli.Command);
    }

    [Fact]
    public void Flags_declare_sidecars_in_order_with_options()
    {
        var options = Resolve(
        [
            "--sidecar", "worker=queue-watch --queue 'orders in'", "--sidecar=proxy=nginx -g 'daemon off;'",
            "--sidecar-option", "proxy.stop_signal=QUIT", "--sidecar-option", "worker.restart=on-failure",
            "--sidecar-option", "worker.env.QUEUE_URL=amqp://q", "--", "dotnet", "app.dll",
        ], Env());

        Assert.Equal(["worker", "proxy"], options.Sidecars.Select(s => s.Name));
        var worker = options.Sidecars[0];
        Assert.Equal(["queue-watch", "--queue", "orders in"], worker.Command);
        Assert.Equal(RestartMode.OnFailure, worker.Restart.Mode);
        Assert.Equal("amqp://q", worker.Environment["QUEUE_URL"]);
        var proxy = options.Sidecars[1];
        Assert.Equal(["nginx", "-g", "daemon off;"], proxy.Command);
        Assert.Equal(3, proxy.StopSignal);
        Assert.Equal(RestartMode.Always, proxy.Restart.Mode);
        Assert.Equal(["dotnet", "app.dll"], options.Command);
    }

    [Fact]
    public void Environment_declares_sidecars_with_every_setting()
    {
        var options = Resolve(["app"], Env(
            ("INIT_SIDECARS:worker:COMMAND", "sleep 100"),
            ("INIT_SIDECARS:worker:RESTART", "never"),
            ("INIT_SIDECARS:worker:RESTART_DELAY", "500ms"),
            ("INIT_SIDECARS:worker:RESTART_BACKOFF", "1.5"),
            ("INIT_SIDECARS:worker:RESTART_MAX_DELAY", "1m"),
            ("INIT_SIDECARS:worker:MIN_UPTIME", "3s"),
            ("INIT_SIDECARS:worker:MAX_RESTARTS", "7"),
            ("INIT_SIDECARS:worker:RESTART_WINDOW", "2m"),
            ("INIT_SIDECARS:worker:ON_GIVE_UP", "ignore"),
            ("INIT_SIDECARS:worker:STOP_SIGNAL", "SIGQUIT"),
            ("INIT_SIDECARS:worker:STOP_TIMEOUT", "4s"),
            ("INIT_SIDECARS:worker:WORKDIR", "/srv"),
            ("INIT_SIDECARS:worker:ENV:MODE", "batch")));

        var worker = Assert.Single(options.Sidecars);
        Assert.Equal(["sleep", "100"], worker.Command);
        Assert.Equal(new RestartPolicy
        {
            Mode = RestartMode.Never, InitialDelay = TimeSpan.FromMilliseconds(500), Factor = 1.5,
            MaxDelay = TimeSpan.FromMinutes(1), MinUptime = TimeSpan.FromSeconds(3), MaxRestarts = 7,
            Window = TimeSpan.FromMinutes(2), OnGiveUp = GiveUpAction.Ignore,
        }, worker.Restart);
        Assert.Equal(3, worker.StopSignal);
        Assert.Equal(TimeSpan.FromSeconds(4), worker.StopTimeout);
        Assert.Equal("/srv", worker.WorkingDirectory);
        Assert.Equal("batch", worker.Environment["MODE"]);
    }

    [Fact]
    public void Flags_win_over_the_environment_per_setting_and_keep_its_order()
    {
        var options = Resolve(["--sidecar", "b=flag-command", "--sidecar", "c=third", "app"], Env(
            ("INIT_SIDECARS:a:COMMAND", "first"),
            ("INIT_SIDECARS:b:COMMAND", "env-command"),
            ("INIT_SIDECARS:b:RESTART", "on-failure")));

        Assert.Equal(["a", "b", "c"], options.Sidecars.Select(s => s.Name));
        Assert.Equal(["flag-command"], options.Sidecars[1].Command);
        Assert.Equal(RestartMode.OnFailure, options.Sidecars[1].Restart.Mode);
    }

    [Fact]
    public void Defaults_are_the_sidecar_policy()
    {
        var sidecar = Assert.Single(Resolve(["--sidecar", "w=x", "app"], Env()).Sidecars);
        Assert.Equal(RestartPolicy.Sidecar, sidecar.Restart);
        Assert.Equal(RestartMode.Always, sidecar.Restart.Mode);
        Assert.Null(sidecar.StopSignal);
        Assert.Null(sidecar.StopTimeout);
    }

    [Theory]
    [InlineData("INIT_SIDECARS:w:COMMAND", "echo 'open", "INIT_SIDECARS__w__COMMAND")]
    [InlineData("INIT_SIDECARS:w:COMMAND", "   ", "INIT_SIDECARS__w__COMMAND")]
    [InlineData("INIT_SIDECARS:w:RESTART", "sometimes", "INIT_SIDECARS__w__RESTART")]
    [InlineData("INIT_SIDECARS:w:RESTART_BACKOFF", "0.5", "INIT_SIDECARS__w__RESTART_BACKOFF")]
    [InlineData("INIT_SIDECARS:w:MAX_RESTARTS", "-1", "INIT_SIDECARS__w__MAX_RESTARTS")]
    [InlineData("INIT_SIDECARS:w:STOP_SIGNAL", "NOPE", "INIT_SIDECARS__w__STOP_SIGNAL")]
    [InlineData("INIT_SIDECARS:w:ON_GIVE_UP", "panic", "INIT_SIDECARS__w__ON_GIVE_UP")]
    [InlineData("INIT_SIDECARS:w:RESTRAT", "always", "INIT_SIDECARS__w__RESTRAT")]
    [InlineData("INIT_SIDECARS:w:WATCHDOG", "0", "INIT_SIDECARS__w__WATCHDOG")]
    public void Bad_environment_settings_name_the_variable(string key, string value, string named)
    {
        var env = key.EndsWith(":COMMAND", StringComparison.Ordinal)
            ? Env((key, value))
            : Env(("INIT_SIDECARS:w:COMMAND", "sleep 1"), (key, value));
        Assert.Contains(named, Assert.Throws<UsageException>(() => Resolve(["app"], env)).Message);
    }

    [Theory]
    [InlineData("--sidecar", "noequals", "NAME=COMMAND")]
    [InlineData("--sidecar", "=cmd", "NAME=COMMAND")]
    [InlineData("--sidecar", "main=cmd", "not a sidecar name")]
    [InlineData("--sidecar", "bad name=cmd", "not a sidecar name")]
    [InlineData("--sidecar-option", "w.restart", "NAME.KEY=VALUE")]
    [InlineData("--sidecar-option", "w.=x", "NAME.KEY=VALUE")]
    [InlineData("--sidecar-option", "w.colour=red", "unknown sidecar setting")]
    public void Bad_flags_are_usage_errors(string flag, string value, string expected)
    {
        var e = Assert.Throws<UsageException>(() => Resolve([flag, value, "--sidecar", "w=sleep 1", "app"], Env()));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Settings_without_a_command_are_an_error()
    {
        var e = Assert.Throws<UsageException>(() => Resolve(["app"], Env(("INIT_SIDECARS:w:RESTART", "never"))));
        Assert.Contains("no command", e.Message);
    }

    [Theory]
    [InlineData("max_restarts", "x", "--sidecar-option w.max_restarts: 'x' is not valid")]
    [InlineData("MAX_RESTARTS", "-1", "--sidecar-option w.MAX_RESTARTS: '-1' is not valid")]
    [InlineData("restart_backoff", "0.5", "--sidecar-option w.restart_backoff: '0.5' is not valid")]
    [InlineData("ready", "sometime", "--sidecar-option w.ready: ")]
    [InlineData("watchdog", "0", "--sidecar-option w.watchdog: '0' is not valid")]
    [InlineData("env.", "x", "--sidecar-option w.env.: ")]
    public void Bad_sidecar_option_values_name_the_key(string key, string value, string expected)
    {
        var e = Assert.Throws<UsageException>(() => Resolve(["--sidecar", "w=sleep 1", "--sidecar-option", $"w.{key}={value}", "app"], Env()));
        Assert.StartsWith(expected, e.Message);
    }

    [Theory]
    [InlineData("a=one", "a=two")]
    [InlineData("a=one", "A=two")]
    public void The_same_sidecar_name_twice_among_flags_is_an_error(string first, string second)
    {
        var e = Assert.Throws<UsageException>(() => Resolve(["--sidecar", first, "--sidecar", second, "app"], Env()));
        Assert.Equal($"--sidecar {second[..1]}: sidecar '{second[..1]}' already has a command (--sidecar a); give each sidecar its own name", e.Message);
    }

    [Fact]
    public void A_command_flag_and_a_command_option_for_one_name_is_an_error()
    {
        var e = Assert.Throws<UsageException>(() => Resolve(["--sidecar", "a=one", "--sidecar-option", "a.command=two", "app"], Env()));
        Assert.Contains("already has a command", e.Message);
    }

    [Fact]
    public void A_flag_overrides_a_variable_declaring_the_same_sidecar()
    {
        var options = Resolve(["--sidecar", "A=flag-command", "app"], Env(("INIT_SIDECARS:a:COMMAND", "env-command")));
        Assert.Equal(["flag-command"], Assert.Single(options.Sidecars).Command);
    }

    [Theory]
    [InlineData("INIT_SIDECARS:a:COMMAND", "INIT_SIDECARS:A:COMMAND")]
    [InlineData("INIT_SIDECARS:a:RESTART", "INIT_SIDECARS:a:restart")]
    public void One_sidecar_setting_spelled_twice_in_the_environment_is_an_error(string one, string other)
    {
        var env = one.EndsWith(":COMMAND", StringComparison.Ordinal)
            ? Env((one, "x"), (other, "y"))
            : Env(("INIT_SIDECARS:a:COMMAND", "x"), (one, "never"), (other, "always"));
        var e = Assert.Throws<UsageException>(() => Resolve(["app"], env));
        var names = new[] { one, other }.Select(k => k.Replace(":", "__", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal($"{names[0]} and {names[1]} set the same sidecar setting; keep one", e.Message);
    }
}
