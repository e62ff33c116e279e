namespace Stateright;

/// <summary>
/// The range of checker timeouts, and the message for one outside it — shared by
/// <see cref="CheckerBuilder{TState, TAction}.Timeout"/> and option front ends (e.g. a
/// <c>TimeoutSeconds</c> attribute argument), so both refuse a bad value the same way.
/// </summary>
internal static class CheckerTimeout
{
    public static TimeSpan Min { get; } = TimeSpan.FromMilliseconds(1);

    /// <summary>The longest a .NET timer can wait (about 49.7 days).</summary>
    public static TimeSpan Max { get; } = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>Why <paramref name="timeout"/> is not a valid timeout, or null if it is.</summary>
    public static string? Problem(TimeSpan timeout) =>
        timeout >= Min && timeout <= Max ? null : Message(Describe(timeout));

    /// <summary>Why <paramref name="seconds"/> is not a valid timeout in seconds (0 means none), or null if it is.</summary>
    public static string? ProblemWithSeconds(double seconds)
    {
        if (seconds == 0) return null;
        if (double.IsNaN(seconds) || seconds < Min.TotalSeconds || seconds > Max.TotalSeconds)
            return Message($"{seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} seconds");
        return null;
    }

    private static string Message(string value) =>
        $"The checker's timeout must be between 1 ms and {Max.TotalDays:0.#} days (the longest a timer can wait), not {value}. " +
        "Use Timeout.InfiniteTimeSpan (TimeoutSeconds = 0), or leave the timeout out, for none.";

    private static string Describe(TimeSpan timeout) =>
        timeout == TimeSpan.MaxValue ? "TimeSpan.MaxValue"
        : timeout.TotalDays >= 1 ? $"{timeout.TotalDays:0.#} days"
        : $"{timeout.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} ms";
}
