using System.Collections.Immutable;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Examples;
using Stateright.Semantics;
using static Stateright.Examples.LinearizableRegister;
using static Stateright.Examples.TwoPhaseCommitActors;
using AbdRegisterMsg = Stateright.Actors.Register.RegisterMsg<ulong, char, Stateright.Examples.LinearizableRegister.AbdMsg>;
using CharHistory = Stateright.Semantics.LinearizabilityTester<Stateright.Actors.Id, Stateright.Semantics.Register<char>, Stateright.Semantics.RegisterOp<char>, Stateright.Semantics.RegisterRet<char>>;

namespace Stateright.Tests.Actors.Symmetry;

/// <summary>
/// Symmetry reduction of actor models: the reduced count is the same in BFS and DFS for 1, 2 and 4
/// threads, and equals an independent count of the orbits of the full state space.
/// </summary>
public class SymmetryCountsTests
{
    private static readonly int[] ThreadCounts = [1, 2, 4];

    /// <summary>Checks with symmetry in both engines and every thread count; returns the one count they all give.</summary>
    private static long ReducedCount<TMsg, THistory>(ActorModel<TMsg, THistory> model)
    {
        var counts = new List<(string Run, long Unique)>();
        foreach (var threads in ThreadCounts)
        {
            foreach (var dfs in new[] { false, true })
            {
                var builder = model.Checker().Threads(threads).Symmetry().FinishWhen(HasDiscoveries.AnyOf());
                var checker = (dfs ? builder.SpawnDfs() : builder.SpawnBfs()).Join();
                Assert.Equal(CheckerStatus.Exhausted, checker.Status);
                counts.Add(($"{(dfs ? "DFS" : "BFS")} × {threads}", checker.UniqueStateCount));
            }
        }
        Assert.True(counts.All(c => c.Unique == counts[0].Unique), string.Join("; ", counts.Select(c => $"{c.Run}: {c.Unique}")));
        return counts[0].Unique;
    }

    private static object Same(object state, Func<Id, Id> map) => state;

    private static TMsg SameMessage<TMsg>(TMsg msg, Func<Id, Id> map) => msg;

    // ---- two-phase commit as actors: TM Id(0), RMs Id(1..n) ----

    private static object RenameTwoPhaseCommit(object state, Func<Id, Id> map) =>
        state is TmState tm ? tm with { Prepared = ImmutableSortedSet.CreateRange(tm.Prepared.Select(map)) } : state;

    [Theory]
    [InlineData(2, 37, 64)]
    [InlineData(3, 103, 406)]
    public void Two_phase_commit_as_actors_reduces_to_its_orbit_count(int rms, int expectedOrbits, int expectedStates)
    {
        var model = TwoPhaseCommitActors.Model(rms);
        var states = Orbits.Reachable(model);
        var orbits = Orbits.Count(states, Orbits.Mappings(rms + 1, Enumerable.Range(1, rms).ToArray()),
            (s, m) => Orbits.Rename(s, m, RenameTwoPhaseCommit, SameMessage, (h, _) => h));

        Assert.Equal(expectedStates, states.Count);
        Assert.Equal(expectedOrbits, orbits);
        Assert.Equal(orbits, ReducedCount(model));
        Assert.Equal(states.Count, model.Checker().FinishWhen(HasDiscoveries.AnyOf()).SpawnBfs().Join().UniqueStateCount);
    }

    [Fact]
    public void Two_phase_commit_as_actors_keeps_its_verdicts_under_symmetry()
    {
        var checker = TwoPhaseCommitActors.Model(3).Checker().Threads(2).Symmetry().SpawnBfs().Join();
        checker.AssertProperties(); // consistent holds; both agreements are reachable
        Assert.True(checker.Discoveries.ContainsKey("abort agreement"));
        Assert.True(checker.Discoveries.ContainsKey("commit agreement"));
    }

    // ---- the single-copy register with interchangeable clients ----

    private static CharHistory RenameHistory(CharHistory history, int[] mapping) => history.Rewrite(IdPermutation.FromMapping(mapping));

    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 1)]
    public void Single_copy_register_with_interchangeable_clients_reduces_to_its_orbit_count(int clients, int servers)
    {
        var model = SingleCopyRegister.Model(clients, servers, interchangeableClients: true);
        var states = Orbits.Reachable(model);
        var orbits = Orbits.Count(states, Orbits.Mappings(servers + clients, Enumerable.Range(servers, clients).ToArray()),
            (s, m) => Orbits.Rename(s, m, Same, SameMessage, RenameHistory));

        Assert.True(orbits < states.Count);
        Assert.Equal(orbits, ReducedCount(model));
    }

    [Fact]
    public void Single_copy_register_on_two_servers_is_still_not_linearizable_under_symmetry()
    {
        // Every client writes to server 0 and reads from server 1, so no read sees a write ("value chosen" is unreachable).
        var checker = SingleCopyRegister.Model(2, 2, interchangeableClients: true).Checker().Threads(2).Symmetry().SpawnBfs().Join();
        Assert.True(checker.Discoveries.ContainsKey("linearizable"));
        Assert.False(checker.Discoveries.ContainsKey("value chosen"));
    }

    // ---- the linearizable (ABD) register with interchangeable clients ----

    private static object RenameAbd(object state, Func<Id, Id> map) => state switch
    {
        AbdState abd => abd with
        {
            Seq = abd.Seq with { Writer = map(abd.Seq.Writer) },
            Phase = abd.Phase switch
            {
                AbdPhase.Phase1 p => p with
                {
                    Requester = map(p.Requester),
                    Responses = ImmutableDictionary.CreateRange(p.Responses.Select(r => KeyValuePair.Create(map(r.Key), (r.Value.Seq with { Writer = map(r.Value.Seq.Writer) }, r.Value.Value)))),
                },
                AbdPhase.Phase2 p => p with { Requester = map(p.Requester), Acks = ImmutableHashSet.CreateRange(p.Acks.Select(map)) },
                var other => other,
            },
        },
        _ => state,
    };

    private static AbdRegisterMsg RenameAbdMessage(AbdRegisterMsg msg, Func<Id, Id> map) => msg switch
    {
        AbdRegisterMsg.Internal { Msg: AbdMsg.AckQuery q } => new AbdRegisterMsg.Internal(q with { Seq = q.Seq with { Writer = map(q.Seq.Writer) } }),
        AbdRegisterMsg.Internal { Msg: AbdMsg.Record r } => new AbdRegisterMsg.Internal(r with { Seq = r.Seq with { Writer = map(r.Seq.Writer) } }),
        _ => msg,
    };

    [Fact]
    public void Linearizable_register_with_interchangeable_clients_reduces_to_its_orbit_count()
    {
        var model = LinearizableRegister.Model(clientCount: 2, serverCount: 2, interchangeableClients: true);
        var states = Orbits.Reachable(model);
        var orbits = Orbits.Count(states, Orbits.Mappings(4, [2, 3]),
            (s, m) => Orbits.Rename(s, m, RenameAbd, RenameAbdMessage, RenameHistory));

        Assert.True(orbits < states.Count);
        Assert.Equal(orbits, ReducedCount(model));
        var checker = model.Checker().Threads(2).Symmetry().SpawnBfs().Join();
        checker.AssertProperties(); // linearizable, and a written value is read
    }
}
