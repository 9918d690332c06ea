using System.Text.RegularExpressions;
using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests;

/// <summary>
/// The executable carries .NET resource keys instead of .NET's messages (IO_FileNotFound_FileName): no line a
/// user sees may show one. Every failure path a user can reach says what failed in words.
/// </summary>
public sealed partial class ErrorTextTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("init-errors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Status_without_a_status_file_says_no_such_file()
    {
        var (code, output) = Run(Artifacts.Init, "status", "--dir", Path.Combine(_dir, "none"));
        Assert.Equal(1, code);
        Assert.Contains("No such file or directory", output);
        NoResourceKey(output);
    }

    [Fact]
    public void Status_of_a_file_init_did_not_write_says_so()
    {
        File.WriteAllText(Path.Combine(_dir, "status"), "init x\nnonsense\n");
        var (code, output) = Run(Artifacts.Init, "status", "--dir", _dir);
        Assert.Equal(1, code);
        Assert.Contains("not a status file init wrote", output);
        NoResourceKey(output);
    }

    [Fact]
    public void A_runtime_directory_that_cannot_be_made_is_a_warning_in_words()
    {
        var file = Path.Combine(_dir, "a-file");
        File.WriteAllText(file, "");
        using var run = InitProcess.Start(Mode.Subreaper, ["--ready", "notify", "true"],
            new Dictionary<string, string> { ["INIT_RUNTIME_DIR"] = Path.Combine(file, "run") });
        Assert.Equal(0, run.WaitForExit());
        Assert.Contains("no notify socket", run.Output);
        NoResourceKey(run.Output);
    }

    [Fact]
    public void Without_proc_init_still_runs_the_child_and_keeps_its_exit_code()
    {
        var (code, output) = Run("unshare", "--mount", "sh", "-c", "umount -l /proc && exec \"$0\" -v sh -c 'exit 3'", Artifacts.Init);
        Assert.Equal(3, code);
        NoResourceKey(output);
    }

    private static void NoResourceKey(string output) =>
        Assert.False(ResourceKey().IsMatch(output), $"a .NET resource key in:\n{output}");

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        using var run = InitProcess.StartCommand(file, args);
        var code = run.WaitForExit();
        return (code, run.Output);
    }

    /// <summary>IO_FileNotFound_FileName, Arg_NullReferenceException: a part, '_', then a capitalised word.</summary>
    [GeneratedRegex(@"\b[A-Za-z]+_[A-Z][a-z]+")]
    private static partial Regex ResourceKey();
}
