namespace Stateright.Testing;

/// <summary>
/// The rule for which of a run's lines reach the console (see <see cref="ModelTestProgress"/>). A run
/// shorter than the interval shows nothing there: its lines are held until the first periodic line
/// written once <see cref="ModelTestProgress.ConsoleInterval"/> has passed, which goes out with them
/// (the header first). From then on, every line that is not periodic goes out (the final "Done."), and
/// a periodic one once the interval has passed since the last line that went out. Not thread-safe; the
/// run calls it under its lock.
/// </summary>
internal sealed class ConsoleThrottle(TimeSpan interval)
{
    private readonly List<string> _held = [];
    private TimeSpan? _last;

    /// <summary>
    /// The lines that go to the console now that <paramref name="line"/> was written at
    /// <paramref name="now"/> (time since the run started): none, the line, or the held lines and then it.
    /// </summary>
    public IReadOnlyList<string> Admit(string line, bool periodic, TimeSpan now)
    {
        if (_last is not { } last)
        {
            if (periodic && now < interval) return []; // too early: dropped, a later one will tell more
            if (!periodic)
            {
                _held.Add(line);
                return [];
            }
            _last = now;
            List<string> lines = [.. _held, line];
            _held.Clear();
            return lines;
        }
        if (periodic && now - last < interval) return [];
        _last = now;
        return [line];
    }
}
