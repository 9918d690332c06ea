using System.Runtime.InteropServices;
using Init.Supervision;

namespace Init.Signals;

/// <summary>
/// Catches every forwardable signal and posts it to the supervisor. The runtime's C handler only writes to
/// a pipe; its signal thread then runs this callback on a new thread (INT, QUIT, TERM) or the thread pool
/// (the rest), so it may allocate and lock, but two signals arriving together may be posted in either order.
/// </summary>
internal sealed class SignalListener : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    public SignalListener(EventQueue events, IEnumerable<int> signals)
    {
        foreach (var signal in signals)
        {
            // Positive PosixSignal values are raw numbers. Cancel stops the runtime's default action
            // (terminate for TERM/INT/QUIT/HUP/USR1...): init decides what a signal means.
            _registrations.Add(PosixSignalRegistration.Create((PosixSignal)signal, context =>
            {
                context.Cancel = true;
                events.Post(new SignalReceived(signal));
            }));
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
