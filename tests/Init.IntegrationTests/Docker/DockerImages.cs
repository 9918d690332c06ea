using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests.Docker;

/// <summary>
/// The images the scenarios use, built once per run: the top-level Dockerfile (from source, with a local
/// stand-in for the SDK image), the test image that copies /init from it, and the .NET example app.
/// </summary>
public static class DockerImages
{
    public const string Sdk = "init-test/sdk:local";
    public const string Init = "init-test/init:local";
    public const string Test = "init-test/probe:local";
    public const string App = "init-test/aspnet-graceful:local";
    public const string ShellEntrypoint = "init-test/shell-entrypoint:local";
    public const string ApiWithWorker = "init-test/api-with-worker:local";
    public const string Busybox = "init-test/busybox:local";

    private static readonly Lazy<string> s_init = new(BuildInit, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> s_test = new(BuildTest, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> s_busybox = new(BuildBusybox, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly (string Project, string Into)[] AspNetGraceful = [(Path.Combine("examples", "aspnet-graceful"), "app")];
    private static readonly Lazy<string> s_app = new(
        () => BuildAppImage(App, Path.Combine("docker", "dotnet-app"), AspNetGraceful), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> s_shell = new(
        () => BuildAppImage(ShellEntrypoint, Path.Combine("examples", "shell-entrypoint"), AspNetGraceful),
        LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> s_apiWithWorker = new(
        () => BuildAppImage(ApiWithWorker, Path.Combine("examples", "api-with-worker"),
            [(Path.Combine("examples", "api-with-worker", "Api"), "api"), (Path.Combine("examples", "api-with-worker", "Worker"), "worker")]),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The host userland, read-only: Debian 12 merges /usr, so these are a whole system.</summary>
    public static readonly string[] Userland =
    [
        "-v", "/usr:/usr:ro", "-v", "/lib:/lib:ro", "-v", "/lib64:/lib64:ro", "-v", "/bin:/bin:ro",
        "-v", "/sbin:/sbin:ro", "--tmpfs", "/tmp",
    ];

    public static string InitImage => s_init.Value;

    public static string TestImage => s_test.Value;

    /// <summary>FROM scratch with /init and a static /busybox only: nothing of the host is mounted into it.</summary>
    public static string BusyboxImage => s_busybox.Value;

    public static string AppImage => s_app.Value;

    public static string ShellEntrypointImage => s_shell.Value;

    public static string ApiWithWorkerImage => s_apiWithWorker.Value;

    private static string BuildInit()
    {
        EnsureEngine();
        if (DockerEngine.Run("image", "inspect", Sdk).ExitCode != 0)
        {
            Artifacts.Run(Path.Combine(Artifacts.RepositoryRoot, "docker", "local-sdk-image.sh"), [Sdk]);
        }
        // --network none: the build must work from what the SDK image carries, as in an air-gapped CI.
        DockerEngine.Check("build", "-q", "--network", "none", "--build-arg", $"SDK_IMAGE={Sdk}", "-t", Init,
            Artifacts.RepositoryRoot);
        return Init;
    }

    private static string BuildTest()
    {
        var context = Directory.CreateTempSubdirectory("init-test-image-").FullName;
        File.Copy(Path.Combine(Artifacts.RepositoryRoot, "docker", "test-image", "Dockerfile"), Path.Combine(context, "Dockerfile"));
        File.Copy(Artifacts.Probe, Path.Combine(context, "probe"));
        DockerEngine.Check("build", "-q", "--build-arg", $"INIT_IMAGE={InitImage}", "-t", Test, context);
        Directory.Delete(context, recursive: true);
        return Test;
    }

    private static string BuildBusybox()
    {
        var context = Directory.CreateTempSubdirectory("init-busybox-image-").FullName;
        File.Copy(Path.Combine(Artifacts.RepositoryRoot, "docker", "busybox-image", "Dockerfile"), Path.Combine(context, "Dockerfile"));
        File.Copy(Harness.BareRoot.Busybox, Path.Combine(context, "busybox"));
        DockerEngine.Check("build", "-q", "--build-arg", $"INIT_IMAGE={InitImage}", "-t", Busybox, context);
        Directory.Delete(context, recursive: true);
        return Busybox;
    }

    /// <summary>An image from a recipe folder (its Dockerfile and files) plus .NET projects published into the context.</summary>
    private static string BuildAppImage(string tag, string recipe, (string Project, string Into)[] publishes)
    {
        var context = Directory.CreateTempSubdirectory("init-app-image-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Artifacts.RepositoryRoot, recipe)))
        {
            File.Copy(file, Path.Combine(context, Path.GetFileName(file)));
        }
        foreach (var (project, into) in publishes)
        {
            Artifacts.Run("dotnet", ["publish", Path.Combine(Artifacts.RepositoryRoot, project),
                "-c", "Release", "-o", Path.Combine(context, into), "-nologo", "-v", "quiet"]);
        }
        // The stand-in runtime image is empty: the .NET runtime comes with the bind-mounted /usr.
        DockerEngine.Check("build", "-q", "--build-arg", $"INIT_IMAGE={InitImage}", "--build-arg", "RUNTIME_IMAGE=scratch",
            "-t", tag, context);
        Directory.Delete(context, recursive: true);
        return tag;
    }

    private static void EnsureEngine()
    {
        if (DockerEngine.Unavailable is { } why)
        {
            throw new InvalidOperationException("the Docker engine is not usable: " + why);
        }
    }
}
