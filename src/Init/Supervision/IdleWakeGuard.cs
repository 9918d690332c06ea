namespace Init.Supervision;

/// <summary>
/// The loop should only ever wake for something: a signal, a message, a due rule. Twice in a row awake with
/// nothing to do means a deadline is computed that no rule acts on (a spin in the making): worth one warning.
/// </summary>
internal sealed class IdleWakeGuard
{
    private int _idleWakes;
    private bool _reported;

    /// <returns>true exactly once: the second idle wake-up in a row, the first time it happens.</returns>
    public bool ShouldWarn(bool somethingHappened)
    {
        _idleWakes = somethingHappened ? 0 : _idleWakes + 1;
        if (_idleWakes < 2 || _reported)
        {
            return false;
        }
        _reported = true;
        return true;
    }
}
