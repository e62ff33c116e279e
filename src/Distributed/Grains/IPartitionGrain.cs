using Orleans.Concurrency;

namespace Stateright.Distributed;

/// <summary>
/// One partition of a run (key: "run id/partition index"): it owns the states whose fingerprints hash
/// to it, with their parent links, and its share of each level's frontier.
/// </summary>
internal interface IPartitionGrain : IGrainWithStringKey
{
    Task<InitReport> Init(RunSpec spec, int partition);

    Task<ExpandReport> Expand(bool[] discovered);

    /// <summary>A batch of successors from another partition. Interleaves: the sender may itself be receiving from this partition.</summary>
    [AlwaysInterleave]
    Task Deliver(byte[] batch);

    Task<CommitReport> Commit();

    Task<ParentLink> ParentOf(ulong key);

    /// <summary>Drops the run's state and deactivates.</summary>
    Task Release();
}
