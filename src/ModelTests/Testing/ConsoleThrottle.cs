namespace Stateright.Testing;

/// <summary>
/// The rule for which of a run's lines reach the console (see <see cref="ModelTestProgress"/>): every
/// line that is not periodic, and a periodic one once <see cref="ModelTestProgress.ConsoleInterval"/>
/// has passed since the last line that went out. Not thread-safe; the run calls it under its lock.
/// </summary>
internal sealed class ConsoleThrottle(TimeSpan interval)
{
    private TimeSpan? _last;

    /// <summary>Whether a line written at <paramref name="now"/> (time since the run started) goes to the console.</summary>
    public bool Admit(bool periodic, TimeSpan now)
    {
        if (periodic && _last is { } last && now - last < interval) return false;
        _last = now;
        return true;
    }
}
