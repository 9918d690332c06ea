using System.Runtime.CompilerServices;

namespace Init.Posix;

/// <summary>glibc's sigset_t (1024 bits, bit N-1 for signal N), as storage: the C side fills it, signalfd reads it.</summary>
[InlineArray(16)]
internal struct SignalSet
{
    private ulong _word;
}
