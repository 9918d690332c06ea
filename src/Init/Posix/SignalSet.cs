using System.Runtime.CompilerServices;

namespace Init.Posix;

/// <summary>glibc's sigset_t: 1024 bits, bit (N-1) for signal N. Built in managed code so it can be tested.</summary>
[InlineArray(16)]
internal struct SignalSet
{
    private ulong _word;

    public static SignalSet Of(IEnumerable<int> signals)
    {
        var set = new SignalSet();
        foreach (var signal in signals)
        {
            set.Add(signal);
        }
        return set;
    }

    public void Add(int signal) => this[(signal - 1) / 64] |= 1UL << ((signal - 1) % 64);

    public void Remove(int signal) => this[(signal - 1) / 64] &= ~(1UL << ((signal - 1) % 64));

    public readonly bool Contains(int signal) => (this[(signal - 1) / 64] & (1UL << ((signal - 1) % 64))) != 0;

    /// <summary>The low 64 signals as /proc/PID/status prints them (SigBlk, SigIgn, SigCgt).</summary>
    public static SignalSet FromProcMask(ulong low64)
    {
        var set = new SignalSet();
        set[0] = low64;
        return set;
    }
}
