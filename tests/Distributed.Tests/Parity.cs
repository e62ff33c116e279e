namespace Stateright.Distributed.Tests;

/// <summary>The comparison every parity test makes.</summary>
internal static class Parity
{
    /// <summary>
    /// Runs <paramref name="model"/> on one machine and on the cluster (both set up by <paramref name="configure"/>),
    /// and asserts the same status, discoveries (by index path) and, unless <paramref name="counts"/> is false
    /// (a run that finishes early), the same counts and depth.
    /// </summary>
    public static async Task<DistributedResult<TState, TAction>> Compare<TState, TAction>(
        IClusterClient client, Model<TState, TAction> model, string name, int partitions,
        Func<CheckerBuilder<TState, TAction>, CheckerBuilder<TState, TAction>>? configure = null, bool counts = true)
    {
        configure ??= static builder => builder;
        var one = configure(model.Checker()).SpawnBfs().Join();
        var many = await configure(model.Checker()).SpawnDistributedAsync(client, name, new DistributedOptions { Partitions = partitions, BatchBytes = 512 });
        Assert.Null(many.Error);
        Assert.Equal(one.Status, many.Status);
        if (counts)
        {
            Assert.Equal(one.StateCount, many.StateCount);
            Assert.Equal(one.UniqueStateCount, many.UniqueStateCount);
            Assert.Equal(one.MaxDepth, many.MaxDepth);
        }
        Assert.Equal(one.Discoveries.Keys.Order(), many.Discoveries.Keys.Order());
        foreach (var (property, path) in one.Discoveries)
            Assert.Equal(path.Encode(), many.Discoveries[property].Encode());
        Assert.Equal(partitions, many.Partitions);
        return many;
    }
}
