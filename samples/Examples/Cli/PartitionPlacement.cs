using System.Globalization;
using Orleans.Runtime.Placement;

namespace Stateright.Examples.Cli;

/// <summary>
/// The examples' silos' default placement: partition <c>i</c> of a run (a grain keyed <c>RUN/i</c>) goes to the
/// <c>i mod N</c>-th of the N compatible silos (ordered by address, the same order on every silo), so a run's
/// partitions spread evenly; every other grain (the coordinator, Orleans' own) stays on the silo that places it.
/// Orleans' default (resource-optimized placement) put every partition on the coordinator's silo.
/// </summary>
public sealed class PartitionPlacement : PlacementStrategy;

/// <summary>Places grains by <see cref="PartitionPlacement"/>.</summary>
public sealed class PartitionPlacementDirector : IPlacementDirector
{
    /// <inheritdoc/>
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        if (silos.Length == 0) throw new OrleansException($"No silo can host {target.GrainIdentity}.");
        var key = target.GrainIdentity.Key.ToString();
        var slash = key.LastIndexOf('/');
        if (slash > 0 && int.TryParse(key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var partition))
            return Task.FromResult(silos[partition % silos.Length]);
        return Task.FromResult(silos.Contains(context.LocalSilo) ? context.LocalSilo : silos[0]);
    }
}
