using System.Runtime.CompilerServices;
using Init.Posix;

namespace Init.Tests;

/// <summary>
/// Mono.Posix needs libMonoPosixHelper.so, which init carries embedded (its package's native assets are
/// excluded, here too). Loaded once, before any test runs: tests run in parallel and Load() is not
/// thread-safe, and every test that names a signal goes through Mono.Posix.
/// </summary>
internal static class NativeHelper
{
    [ModuleInitializer]
    internal static void Load() => MonoPosixHelperLoader.Load();
}
