using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>
/// Arguments are bytes: ones that are not UTF-8 reach the child unchanged, in the main command and in a
/// sidecar's command (from --sidecar and from INIT_SIDECARS__*__COMMAND), as tini passes them. .NET's Process
/// cannot pass such bytes, so bash makes them ($'\xff') and execs init; the probe prints its words as hex.
/// </summary>
public class ArgumentBytesTests
{
    /// <summary>ff fe c3 28 80: two bytes that are never UTF-8, a lead byte without its continuation, a stray one.</summary>
    private const string OddBytes = @"$'\xff\xfe\xc3\x28\x80'";

    private const string OddHex = "fffec32880";

    private static string Hex(string ascii) => Convert.ToHexStringLower(System.Text.Encoding.ASCII.GetBytes(ascii));

    [Fact]
    public void Bytes_that_are_not_UTF8_reach_the_main_process_and_both_kinds_of_sidecar_unchanged()
    {
        // bash -c SCRIPT INIT PROBE: $0 is init, $1 the probe.
        var script = $"b={OddBytes}; export INIT_SIDECARS__env__COMMAND=\"$1 args env $b\"; " +
            "exec \"$0\" -t 2s --sidecar \"flag=$1 args flag 'x'$b\" -- \"$1\" args main \"$b\"";
        using var run = InitProcess.Start(Mode.Subreaper, [Artifacts.Probe], null, ["bash", "-c", script]);

        run.WaitForLine($"args {Hex("main")} {OddHex}");
        run.WaitForLine($"args {Hex("flag")} {Hex("x")}{OddHex}");
        run.WaitForLine($"args {Hex("env")} {OddHex}");
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [TiniFact]
    public void The_main_process_gets_the_bytes_tini_gives_it()
    {
        var script = $"b={OddBytes}; exec \"$0\" \"$@\" \"$b\"";
        using var ours = InitProcess.StartCommand("bash", "-c", script, Artifacts.Init, "--", Artifacts.Probe, "args");
        using var tini = InitProcess.StartCommand("bash", "-c", script, ReferenceInits.Tini, "-s", "--", Artifacts.Probe, "args");

        var expected = $"args {OddHex}";
        Assert.Equal(expected, tini.WaitForLine("args "));
        Assert.Equal(expected, ours.WaitForLine("args "));
        tini.Signal(SIGTERM);
        ours.Signal(SIGTERM);
        Assert.Equal(0, tini.WaitForExit());
        Assert.Equal(0, ours.WaitForExit());
    }
}
