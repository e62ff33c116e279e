namespace Stateright.Actors;

/// <summary>Helpers for building actor models.</summary>
public static class ModelHelpers
{
    /// <summary>The ids of the first <paramref name="count"/> actors other than <paramref name="self"/>.</summary>
    public static IReadOnlyList<Id> ModelPeers(int self, int count) =>
        Enumerable.Range(0, count).Where(j => j != self).Select(Id.From).ToArray();

    /// <summary>
    /// A zero timeout range, for actors that only ever run inside the checker (which ignores durations,
    /// as the Rust library's <c>model_timeout()</c>). On the UDP runtime a zero timer fires at once, so an
    /// actor that also runs there should set real durations instead — the checker ignores those too,
    /// and traces never show them: <c>o.SetTimer(timer, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2))</c>.
    /// </summary>
    public static (TimeSpan Min, TimeSpan Max) ModelOnlyTimeout() => (TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The former name of <see cref="ModelOnlyTimeout"/>: a zero duration, which fires at once on the UDP runtime.</summary>
    [Obsolete("A zero duration fires at once on the UDP runtime: use real durations (the checker ignores them), or ModelOnlyTimeout() for actors that only run in the checker.")]
    public static (TimeSpan Min, TimeSpan Max) ModelTimeout() => ModelOnlyTimeout();
}
