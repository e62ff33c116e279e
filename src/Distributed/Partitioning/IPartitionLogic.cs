namespace Stateright.Distributed;

/// <summary>
/// A partition's share of a run, for one model, behind a non-generic face so that grains (which know
/// no state type) can drive it: its visited states with their parent links, its frontier, and the
/// successors sent to it during the current level.
/// </summary>
internal interface IPartitionLogic
{
    /// <summary>Keeps the initial states this partition owns; checks that the silo's model has the client's properties.</summary>
    InitReport Init(string[] propertyNames);

    /// <summary>
    /// Checks the properties of each frontier state and sends each successor to its owner through
    /// <paramref name="send"/> (destination, batch), in batches of about <paramref name="batchBytes"/>.
    /// </summary>
    Task<ExpandReport> ExpandAsync(bool[] discovered, Func<int, byte[], Task> send, int batchBytes);

    /// <summary>Takes in a batch of successors sent to this partition (kept encoded until the commit).</summary>
    void Receive(byte[] batch);

    /// <summary>Ends the level: keeps, per new state, the successor with the smallest index path; these form the next frontier.</summary>
    CommitReport Commit();

    /// <summary>How this partition reached a state it owns.</summary>
    ParentLink ParentOf(ulong key);
}
