namespace Stateright.Testing;

/// <summary>
/// Where a model test case's progress goes while the shared checker run works: every line to
/// <see cref="Output"/> (the test's own output), and a throttled few, as they happen, to
/// <see cref="Console"/> (the console of the test run, through the framework's live channel). Which
/// lines reach the console is decided once, by the core, for every front end: nothing for a run shorter
/// than <see cref="ConsoleInterval"/>; for a longer one, the run's header with its first "Checking." line,
/// a "Checking." line every <see cref="ConsoleInterval"/>, and the final "Done." line.
/// </summary>
/// <param name="output">Receives every line, including those written before the case joined the run; null for none.</param>
/// <param name="console">Receives the throttled lines written while the case waits (earlier ones only if no case was waiting to hear them); null for none.</param>
public sealed class ModelTestProgress(Action<string>? output = null, Action<string>? console = null)
{
    /// <summary>How long a check runs before the console shows it, and then goes without a periodic "Checking." line (five seconds).</summary>
    public static TimeSpan ConsoleInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Receives every line of the run, in order; null for none.</summary>
    public Action<string>? Output { get; } = output;

    /// <summary>Receives, once a run has gone on for <see cref="ConsoleInterval"/>, its header, a periodic line every <see cref="ConsoleInterval"/> and the final line, as they are written; null for none.</summary>
    public Action<string>? Console { get; } = console;
}
