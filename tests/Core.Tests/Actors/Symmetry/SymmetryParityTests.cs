using System.Collections.Immutable;
using Stateright.Actors;
using Stateright.Examples;
using static Stateright.Examples.TwoPhaseCommitActors;

namespace Stateright.Tests.Actors.Symmetry;

/// <summary>Larger symmetric configurations, cross-checked against the orbit count (slower: run with the Parity category).</summary>
[Trait("Category", "Parity")]
public class SymmetryParityTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Two_phase_commit_as_actors_with_more_resource_managers_reduces_to_its_orbit_count(int rms)
    {
        var model = TwoPhaseCommitActors.Model(rms);
        var states = Orbits.Reachable(model);
        var orbits = Orbits.Count(states, Orbits.Mappings(rms + 1, Enumerable.Range(1, rms).ToArray()),
            (s, m) => Orbits.Rename(s, m, static (state, map) => state is TmState tm ? tm with { Prepared = ImmutableSortedSet.CreateRange(tm.Prepared.Select(map)) } : state,
                static (msg, _) => msg, static (h, _) => h));
        foreach (var threads in new[] { 1, 2, 4 })
        {
            Assert.Equal(orbits, model.Checker().Threads(threads).Symmetry().SpawnBfs().Join().UniqueStateCount);
            Assert.Equal(orbits, model.Checker().Threads(threads).Symmetry().SpawnDfs().Join().UniqueStateCount);
        }
    }

    [Fact]
    public void Single_copy_register_with_three_interchangeable_clients_on_two_servers_reduces_to_its_orbit_count()
    {
        var model = SingleCopyRegister.Model(3, 2, interchangeableClients: true);
        var states = Orbits.Reachable(model);
        var orbits = Orbits.Count(states, Orbits.Mappings(5, [2, 3, 4]),
            (s, m) => Orbits.Rename(s, m, static (state, _) => state, static (msg, _) => msg, static (h, mapping) => h.Rewrite(IdPermutation.FromMapping(mapping))));
        foreach (var threads in new[] { 1, 2, 4 })
        {
            var bfs = model.Checker().Threads(threads).Symmetry().FinishWhen(HasDiscoveries.AnyOf()).SpawnBfs().Join();
            var dfs = model.Checker().Threads(threads).Symmetry().FinishWhen(HasDiscoveries.AnyOf()).SpawnDfs().Join();
            Assert.Equal(orbits, bfs.UniqueStateCount);
            Assert.Equal(orbits, dfs.UniqueStateCount);
        }
    }
}
