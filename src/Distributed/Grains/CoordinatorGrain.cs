using Orleans.Concurrency;

namespace Stateright.Distributed;

/// <summary>The grain that coordinates a run (see <see cref="ICoordinatorGrain"/>).</summary>
[Reentrant]
internal sealed class CoordinatorGrain : Grain, ICoordinatorGrain
{
    private RunSpec? _spec;
    private IPartitionGrain[] _partitions = [];

    public static string PartitionKey(string runId, int partition) => $"{runId}/{partition}";

    public async Task<LevelReport> Start(RunSpec spec)
    {
        _spec = spec;
        _partitions = [.. Enumerable.Range(0, spec.Partitions).Select(i => GrainFactory.GetGrain<IPartitionGrain>(PartitionKey(spec.RunId, i)))];
        var reports = await Task.WhenAll(_partitions.Select((p, i) => p.Init(spec, i))).ConfigureAwait(true);
        if (reports.FirstOrDefault(r => r.Error is not null) is { } failed) return Failed(failed.Error!, null);
        var owned = reports.Sum(r => r.Owned);
        return new LevelReport(reports[0].InitialCount, owned, owned, [], null, null);
    }

    public async Task<LevelReport> RunLevel(bool[] discovered)
    {
        // A coordinator activated afresh (its silo stopped) has no partitions: a level over none would
        // "drain" at once and end the run as if every state were checked. Never a pass: fail the run.
        if (_spec is null) throw new InvalidOperationException(LostState);
        var expanded = await Task.WhenAll(_partitions.Select(p => p.Expand(discovered))).ConfigureAwait(true);
        // A fault in model code: the one at the smallest index path, so that the message does not depend on timing.
        var fault = expanded.Where(r => r.Error is not null).OrderBy(r => r.ErrorPath ?? [], Comparer<int[]>.Create(IndexPaths.Compare)).FirstOrDefault();
        if (fault is not null) return Failed(fault.Error!, fault.ErrorPath);
        var committed = await Task.WhenAll(_partitions.Select(p => p.Commit())).ConfigureAwait(true);
        if (committed.FirstOrDefault(r => r.Error is not null) is { } failed) return Failed(failed.Error!, null);
        long sent = expanded.Sum(r => r.Sent), received = committed.Sum(r => r.Received);
        if (sent != received)
            return Failed($"The level did not drain: the partitions sent {sent:N0} successors and received {received:N0}. A batch was lost (a silo stopped?).", null);
        var found = expanded.SelectMany(r => r.Found)
            .GroupBy(f => f.Property)
            .Select(g => g.OrderBy(f => f.Path, Comparer<int[]>.Create(IndexPaths.Compare)).First())
            .OrderBy(f => f.Property)
            .ToArray();
        var silos = committed.GroupBy(r => r.Silo, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SiloShare(g.Key, g.Count(), g.Sum(r => r.Unique))).ToArray();
        return new LevelReport(expanded.Sum(r => r.Generated), committed.Sum(r => r.Frontier), committed.Sum(r => r.Unique), found, null, null) { Silos = silos };
    }

    public async Task<int[]> PathTo(ulong key)
    {
        var spec = _spec ?? throw new InvalidOperationException(LostState);
        var reversed = new List<int>();
        for (var steps = 0; ; steps++)
        {
            var link = await _partitions[IndexPaths.Owner(key, spec.Partitions)].ParentOf(key).ConfigureAwait(true);
            if (!link.Known) throw new InvalidOperationException($"No partition knows the state with fingerprint {key:x16}: its parent link is missing.");
            reversed.Add(link.Index);
            if (link.IsInitial) break;
            key = link.Parent;
        }
        reversed.Reverse();
        return [.. reversed];
    }

    public async Task Release()
    {
        await Task.WhenAll(_partitions.Select(p => p.Release())).ConfigureAwait(true);
        DeactivateOnIdle();
    }

    private static LevelReport Failed(string error, int[]? path) => new(0, 0, 0, [], error, path);

    private const string LostState =
        "The coordinator has lost its state (its silo stopped, or it was deactivated): the distributed run cannot go on.";
}
