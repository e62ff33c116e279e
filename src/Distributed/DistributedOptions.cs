namespace Stateright.Distributed;

/// <summary>How a distributed run is laid out on the cluster.</summary>
public sealed class DistributedOptions
{
    /// <summary>
    /// How many partitions share the state space; 0 (the default) means two per active silo. Grains are
    /// placed by the cluster's placement: Orleans 10's default (resource-optimized) placement may put every
    /// partition on one silo. The examples' silos register a placement that puts partition i on the
    /// i mod N-th silo (samples/Examples/Cli/PartitionPlacement.cs, docs/distributed.md).
    /// </summary>
    public int Partitions { get; init; }

    /// <summary>About how many bytes of encoded successors a partition sends to another in one grain call (default 256 KiB).</summary>
    public int BatchBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// Told after each level: depth, counts so far, and what each silo holds (for progress lines). Called on
    /// the run's own flow, between levels: a slow handler slows the run.
    /// </summary>
    public IProgress<DistributedProgress>? Progress { get; init; }

    /// <summary>How many states the front door round-trips through the codec before the run starts (default 256).</summary>
    public int CodecSample { get; init; } = 256;
}

/// <summary>A distributed run after a level: the counts so far, and per silo its partitions and their unique states.</summary>
/// <param name="Depth">The depth the run has reached (initial states have depth 1).</param>
/// <param name="StateCount">States generated so far.</param>
/// <param name="UniqueStateCount">Distinct states visited so far, over all partitions.</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="Silos">Per silo (by its runtime identity), ordered by name.</param>
public sealed record DistributedProgress(int Depth, long StateCount, long UniqueStateCount, TimeSpan Elapsed, IReadOnlyList<SiloShare> Silos)
{
    /// <summary>One line: <c>Checking. states=…, unique=…, depth=…, sec=…; silos: S1 2 partitions 1,234 unique; …</c>.</summary>
    public override string ToString() =>
        $"Checking. states={StateCount}, unique={UniqueStateCount}, depth={Depth}, sec={Elapsed.TotalSeconds:F0}; silos: " +
        string.Join("; ", Silos.Select(s => $"{s.Silo} {s.Partitions} partition{(s.Partitions == 1 ? "" : "s")} {s.UniqueStateCount:N0} unique"));
}
