using System.Runtime.InteropServices;
using Mono.Unix.Native;
using Xunit;

namespace Init.Tests.Posix;

/// <summary>
/// init links its own stand-ins for the native entry points of Mono.Posix's helper it binds to
/// (src/Init/Posix/native/mono_posix.c). Each is compared here with the real helper from the package, over
/// every input Mono's managed side can pass, so a mismatch can never ship. A new entry point the executable
/// starts to bind to fails init's link until it is added there, and then belongs here too.
/// </summary>
public sealed unsafe class MonoPosixStandInsTests
{
    private static readonly nint Real = NativeLibrary.Load(Path.Combine(AppContext.BaseDirectory, "libMonoPosixHelper.so"));
    private static readonly nint Ours = NativeLibrary.Load(Path.Combine(AppContext.BaseDirectory, "libinit_mono_posix.so"));

    [Fact]
    public void FromSignum_agrees_with_the_helper_for_every_value()
    {
        var real = (delegate* unmanaged<int, int*, int>)NativeLibrary.GetExport(Real, "Mono_Posix_FromSignum");
        var ours = (delegate* unmanaged<int, int*, int>)NativeLibrary.GetExport(Ours, "Mono_Posix_FromSignum");
        var values = Enum.GetValues<Signum>().Select(s => (int)s).Concat(Enumerable.Range(-3, 80)).Distinct();
        foreach (var value in values)
        {
            Assert.Equal(Call(real, value), Call(ours, value));
        }
    }

    [Fact]
    public void Every_signal_number_init_uses_is_the_platform_s() =>
        Assert.Equal([1, 2, 3, 9, 10, 12, 13, 15, 17, 18, 19, 20, 21, 22],
            new[] { Signum.SIGHUP, Signum.SIGINT, Signum.SIGQUIT, Signum.SIGKILL, Signum.SIGUSR1, Signum.SIGUSR2, Signum.SIGPIPE,
                Signum.SIGTERM, Signum.SIGCHLD, Signum.SIGCONT, Signum.SIGSTOP, Signum.SIGTSTP, Signum.SIGTTIN, Signum.SIGTTOU }
            .Select(NativeConvert.FromSignum));

    private static (int Rc, int Value, int Errno) Call(delegate* unmanaged<int, int*, int> f, int value)
    {
        int result;
        Marshal.SetLastSystemError(0);
        var rc = f(value, &result);
        var errno = rc != 0 ? Marshal.GetLastSystemError() : 0;
        return (rc, result, errno);
    }
}
