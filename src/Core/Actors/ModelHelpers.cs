namespace Stateright.Actors;

/// <summary>Helpers for building actor models.</summary>
public static class ModelHelpers
{
    /// <summary>The ids of the first <paramref name="count"/> actors other than <paramref name="self"/>.</summary>
    public static IReadOnlyList<Id> ModelPeers(int self, int count) =>
        Enumerable.Range(0, count).Where(j => j != self).Select(Id.From).ToArray();

    /// <summary>A timeout range for models: the checker ignores durations, so it is zero.</summary>
    public static (TimeSpan Min, TimeSpan Max) ModelTimeout() => (TimeSpan.Zero, TimeSpan.Zero);
}
