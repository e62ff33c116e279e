namespace Stateright.Distributed;

/// <summary>
/// The coordinator of a run (key: the run id): it starts the partitions, runs each level on all of
/// them, ends the level only when every batch sent has been received (counts, not timeouts), merges
/// their discoveries, and rebuilds a discovery's index path from the partitions' parent links.
/// </summary>
internal interface ICoordinatorGrain : IGrainWithStringKey
{
    Task<LevelReport> Start(RunSpec spec);

    Task<LevelReport> RunLevel(bool[] discovered);

    Task<int[]> PathTo(ulong key);

    Task Release();
}
