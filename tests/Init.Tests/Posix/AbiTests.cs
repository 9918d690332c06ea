using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Init.Posix;
using Xunit;

namespace Init.Tests.Posix;

/// <summary>Skipped only where the cross tools are missing and this is not CI (.ci/run installs them).</summary>
public sealed class CrossFactAttribute : FactAttribute
{
    public CrossFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") is not { Length: > 0 }
            && (AbiTests.Which("aarch64-linux-gnu-gcc") is null || AbiTests.Which("qemu-aarch64-static") is null))
        {
            Skip = "needs gcc-aarch64-linux-gnu, libc6-dev-arm64-cross and qemu-user-static (CI has them)";
        }
    }
}

/// <summary>
/// Every number of <see cref="Abi"/> against the target's own C headers: a C program that prints each entry's
/// expression is compiled for x86-64 and for arm64 (run under qemu-aarch64-static) and its answers compared
/// with the C# values meant for that CPU. A wrong constant fails here, not on a user's machine.
/// </summary>
public sealed class AbiTests
{
    private static readonly string[] Headers =
    [
        "stddef.h", "stdio.h", "fcntl.h", "unistd.h", "errno.h", "signal.h", "poll.h", "sys/wait.h", "sys/prctl.h",
        "sys/mman.h", "sys/signalfd.h", "sys/socket.h", "sys/un.h", "netinet/in.h",
    ];

    [Fact]
    public void Every_number_is_what_x86_64_s_headers_say() =>
        Assert.Empty(Mismatches(Entries("x64"), Run(Compile("gcc", "x64"), emulator: null)));

    [CrossFact]
    public void Every_number_is_what_arm64_s_headers_say() =>
        Assert.Empty(Mismatches(Entries("arm64"), Run(Compile("aarch64-linux-gnu-gcc", "arm64"), "qemu-aarch64-static")));

    [CrossFact]
    public void The_old_x86_64_value_of_O_DIRECTORY_would_fail_on_arm64()
    {
        // The value init once hard-coded for every CPU: on arm64 it is O_DIRECT.
        var wrong = Entries("arm64").Select(e => e.Expression == "O_DIRECTORY" ? e with { Value = 0x10000 } : e).ToList();
        var mismatch = Assert.Single(Mismatches(wrong, Run(Compile("aarch64-linux-gnu-gcc", "arm64"), "qemu-aarch64-static")));
        Assert.Contains("O_DIRECTORY", mismatch);
    }

    [Fact]
    public void Each_number_that_differs_by_cpu_has_an_entry_for_both()
    {
        var byCpu = Fields().Where(f => f.Native.Architecture is not null).GroupBy(f => f.Native.Expression);
        Assert.All(byCpu, g => Assert.Equal(["arm64", "x64"], g.Select(f => f.Native.Architecture!).Order()));
        Assert.Equal(Abi.ODirectoryX64, Abi.ODirectory); // this test build is x86-64's
        Assert.Equal(Abi.ONofollowX64, Abi.ONofollow);
    }

    internal sealed record Entry(string Name, string Expression, long Value);

    private static IEnumerable<(FieldInfo Field, NativeAttribute Native)> Fields() =>
        typeof(Abi).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f, f.GetCustomAttribute<NativeAttribute>()))
            .Where(p => p.Item2 is not null)
            .Select(p => (p.f, p.Item2!));

    private static List<Entry> Entries(string cpu) =>
        Fields().Where(f => f.Native.Architecture is null || f.Native.Architecture == cpu)
            .Select(f => new Entry(f.Field.Name, f.Native.Expression, Convert.ToInt64(f.Field.GetRawConstantValue(), CultureInfo.InvariantCulture)))
            .ToList();

    private static List<string> Mismatches(List<Entry> entries, Dictionary<string, long> actual)
    {
        Assert.NotEmpty(entries);
        return entries.Where(e => !actual.TryGetValue(e.Expression, out var v) || v != e.Value)
            .Select(e => $"{e.Name} = {e.Value} but {e.Expression} is {(actual.TryGetValue(e.Expression, out var v) ? v : "missing")}")
            .ToList();
    }

    private static string Compile(string compiler, string cpu)
    {
        var dir = Directory.CreateTempSubdirectory("init-abi-").FullName;
        var source = new StringBuilder("#define _GNU_SOURCE\n");
        foreach (var h in Headers)
        {
            source.Append("#include <").Append(h).Append(">\n");
        }
        source.Append("int main(void) {\n");
        foreach (var e in Entries(cpu).DistinctBy(e => e.Expression))
        {
            source.Append("  printf(\"%s=%lld\\n\", \"").Append(e.Expression.Replace("\"", "\\\"")).Append("\", (long long)(")
                .Append(e.Expression).Append("));\n");
        }
        source.Append("  return 0;\n}\n");
        File.WriteAllText(Path.Combine(dir, "abi.c"), source.ToString());
        var binary = Path.Combine(dir, "abi");
        var (code, output) = Exec(compiler, ["-static", "-o", binary, Path.Combine(dir, "abi.c")]);
        Assert.True(code == 0, $"{compiler} failed: {output}");
        return binary;
    }

    private static Dictionary<string, long> Run(string binary, string? emulator)
    {
        var (code, output) = emulator is null ? Exec(binary, []) : Exec(emulator, [binary]);
        Assert.True(code == 0, output);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
    }

    private static (int Code, string Output) Exec(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr);
    }

    internal static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
