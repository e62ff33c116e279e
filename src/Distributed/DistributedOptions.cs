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

    /// <summary>How many states the front door round-trips through the codec before the run starts (default 256).</summary>
    public int CodecSample { get; init; } = 256;
}
