namespace Stateright.Distributed;

/// <summary>How a distributed run is laid out on the cluster.</summary>
public sealed class DistributedOptions
{
    /// <summary>
    /// How many partitions share the state space; 0 (the default) means two per active silo. Grains are
    /// placed by Orleans, so partitions spread over the silos but are not pinned to them.
    /// </summary>
    public int Partitions { get; init; }

    /// <summary>About how many bytes of encoded successors a partition sends to another in one grain call (default 256 KiB).</summary>
    public int BatchBytes { get; init; } = 256 * 1024;

    /// <summary>How many states the front door round-trips through the codec before the run starts (default 256).</summary>
    public int CodecSample { get; init; } = 256;
}
