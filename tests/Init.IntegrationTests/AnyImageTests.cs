using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>init is one static file: it runs where the image has no libc at all, or only musl's.</summary>
public sealed class AnyImageTests : IDisposable
{
    private readonly BareRoot _root = new();

    public AnyImageTests()
    {
        if (File.Exists(BareRoot.Busybox))
        {
            _root.Add(BareRoot.Busybox, "/busybox");
        }
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public void The_file_is_static()
    {
        using var file = InitProcess.StartCommand("file", Artifacts.Init);
        file.WaitForExit();
        Assert.Contains("statically linked", file.Output);
    }

    [BusyboxTheory]
    [InlineData("exit 0", 0)]
    [InlineData("exit 42", 42)]
    [InlineData("kill -TERM $$", 143)]
    public void In_a_root_with_only_init_and_a_static_busybox_exit_codes_pass_through(string script, int expected)
    {
        using var run = _root.Start("--", "/busybox", "sh", "-c", script);
        Assert.Equal(expected, run.WaitForExit());
    }

    [BusyboxFact]
    public void In_a_bare_root_a_missing_or_unexecutable_command_is_127_or_126()
    {
        File.WriteAllText(Path.Combine(_root.Path, "plain"), "not a program");
        using (var missing = _root.Start("--", "/nowhere"))
        {
            Assert.Equal(127, missing.WaitForExit());
        }
        using var plain = _root.Start("--", "/plain");
        Assert.Equal(126, plain.WaitForExit());
    }

    [BusyboxFact]
    public void In_a_bare_root_sigterm_reaches_the_child_and_orphans_are_reaped()
    {
        // Five orphans handed to init, then the main shell waits for TERM.
        using var run = _root.Start("--", "/busybox", "sh", "-c",
            "for i in 1 2 3 4 5; do (/busybox sleep 0.1 &); done; /busybox sleep 0.5; " +
            "/busybox ps -o stat | /busybox grep -c Z; trap 'exit 7' TERM; echo ready; while :; do /busybox sleep 0.05; done");
        run.WaitForLine("ready");
        Assert.Contains("0", run.Output.Split('\n'));
        run.Signal(SIGTERM);
        Assert.Equal(7, run.WaitForExit());
    }

    [MuslFact]
    public void In_a_root_whose_only_libc_is_musl_init_runs_a_musl_program()
    {
        var program = Path.Combine(_root.Path, "musl-program");
        File.WriteAllText(program + ".c", "#include <stdio.h>\nint main(void) { puts(\"hello from musl\"); return 7; }\n");
        Artifacts.Run("musl-gcc", ["-o", program, program + ".c"]);
        File.Delete(program + ".c");
        _root.Add("/lib/ld-musl-x86_64.so.1", "/lib/ld-musl-x86_64.so.1");

        using var run = _root.Start("--", "/musl-program");
        Assert.Equal(7, run.WaitForExit());
        Assert.Contains("hello from musl", run.Output);
    }
}

/// <summary>Needs Debian's busybox-static (.ci/run installs it); skipped outside CI without it.</summary>
public sealed class BusyboxFactAttribute : FactAttribute
{
    public BusyboxFactAttribute()
    {
        if (!File.Exists(BareRoot.Busybox) && !ReferenceInits.InCi)
        {
            Skip = "no static busybox (apt-get install busybox-static); .ci/run installs it";
        }
    }
}

/// <summary>The Theory form of <see cref="BusyboxFactAttribute"/>.</summary>
public sealed class BusyboxTheoryAttribute : TheoryAttribute
{
    public BusyboxTheoryAttribute()
    {
        if (!File.Exists(BareRoot.Busybox) && !ReferenceInits.InCi)
        {
            Skip = "no static busybox (apt-get install busybox-static); .ci/run installs it";
        }
    }
}

/// <summary>Needs Debian's musl and musl-tools (.ci/run installs them); skipped outside CI without them.</summary>
public sealed class MuslFactAttribute : FactAttribute
{
    public MuslFactAttribute()
    {
        if ((!File.Exists("/usr/bin/musl-gcc") || !File.Exists("/lib/ld-musl-x86_64.so.1")) && !ReferenceInits.InCi)
        {
            Skip = "no musl (apt-get install musl musl-tools); .ci/run installs them";
        }
    }
}
