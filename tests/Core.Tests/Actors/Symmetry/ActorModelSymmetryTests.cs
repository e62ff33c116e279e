using Stateright.Actors;
using Stateright.Examples;

namespace Stateright.Tests.Actors.Symmetry;

public class ActorModelSymmetryTests
{
    [Fact]
    public void The_representative_is_canonical_every_renaming_of_a_state_gets_the_same_one()
    {
        var model = TwoPhaseCommitActors.Model(3);
        var permutations = Orbits.Mappings(4, [1, 2, 3]).Select(IdPermutation.FromMapping).ToArray();
        foreach (var state in Orbits.Reachable(model))
        {
            var expected = Fingerprint.Of(model.Representative(state));
            foreach (var permutation in permutations)
                Assert.Equal(expected, Fingerprint.Of(model.Representative(permutation.Rewrite(state))));
        }
    }

    [Fact]
    public void A_system_state_renamed_moves_each_actor_to_its_new_id_and_back()
    {
        var model = TwoPhaseCommitActors.Model(3);
        var state = Orbits.Reachable(model).First(s => s.StatesOf<TwoPhaseCommitActors.TmState>().Single().Prepared.Count == 1 && s.Network.Count == 0);
        var swap = IdPermutation.Swap(4, 1, 3);
        var renamed = swap.Rewrite(state);
        Assert.Equal(state.ActorStates[1], renamed.ActorStates[3]);
        Assert.Equal(state.RandomChoices[3].Count, renamed.RandomChoices[1].Count);
        Assert.Equal([swap.Map(state.StateOf<TwoPhaseCommitActors.TmState>(0).Prepared.Single())], renamed.StateOf<TwoPhaseCommitActors.TmState>(0).Prepared);
        Assert.NotEqual(Fingerprint.Of(state), Fingerprint.Of(renamed));
        Assert.Equal(Fingerprint.Of(state), Fingerprint.Of(swap.Rewrite(renamed)));
        Assert.Throws<ArgumentException>(() => IdPermutation.Swap(3, 1, 2).Rewrite(state));
    }

    [Fact]
    public void Renaming_keeps_the_network_kind_its_counts_and_the_last_delivered_envelope()
    {
        var swap = IdPermutation.Swap(3, 1, 2);
        var multiset = Network<string>.UnorderedNonDuplicating(E(1, 0, "a"), E(1, 0, "a"), E(2, 0, "b"));
        Assert.Equal(Fingerprint.Of(Network<string>.UnorderedNonDuplicating(E(2, 0, "a"), E(2, 0, "a"), E(1, 0, "b"))), Fingerprint.Of(swap.Rewrite(multiset)));
        var ordered = Network<string>.Ordered(E(1, 0, "a"), E(1, 0, "b"), E(2, 1, "c"));
        Assert.Equal(Fingerprint.Of(Network<string>.Ordered(E(2, 0, "a"), E(2, 0, "b"), E(1, 2, "c"))), Fingerprint.Of(swap.Rewrite(ordered)));
        var duplicating = Network<string>.UnorderedDuplicating(E(1, 0, "a")).OnDeliver(E(1, 0, "a"));
        var renamed = swap.Rewrite(duplicating);
        Assert.Equal(Fingerprint.Of(Network<string>.UnorderedDuplicating(E(2, 0, "a")).OnDeliver(E(2, 0, "a"))), Fingerprint.Of(renamed));
        Assert.NotEqual(Fingerprint.Of(Network<string>.UnorderedDuplicating(E(2, 0, "a"))), Fingerprint.Of(renamed));
    }

    private static Envelope<string> E(int src, int dst, string msg) => new(src, dst, msg);

    [Fact]
    public void A_model_that_declares_no_symmetry_says_how_to_declare_it()
    {
        var model = SingleCopyRegister.Model(clientCount: 2, serverCount: 1);
        var error = Assert.Throws<InvalidOperationException>(() => model.Checker().Symmetry());
        Assert.Contains(".Symmetric(", error.Message);
        Assert.False(ModelSymmetry.TryGetRepresentative(model, out _, out var problem));
        Assert.Contains("Symmetric(ids)", problem);
        Assert.DoesNotContain("`", problem);
        Assert.DoesNotContain("IRepresentative", problem);
    }

    [Fact]
    public void A_state_type_without_representative_gets_a_readable_name()
    {
        Assert.False(ModelSymmetry.TryGetRepresentative(new TestModels.LinearEquation(2, 4, 7), out _, out var problem));
        Assert.DoesNotContain("`", problem);
        Assert.Contains("IRepresentative<", problem);
    }

    [Fact]
    public void Symmetric_groups_are_checked_against_the_actors()
    {
        static ActorModel<TwoPhaseCommitActors.Msg, Unit> Model() => TwoPhaseCommitActors.Model(1); // TM Id(0), one RM Id(1)

        Assert.Throws<ArgumentException>(() => Model().Symmetric(1));
        Assert.Throws<ArgumentException>(() => Model().Symmetric(1, 1));

        var outOfRange = Model().Symmetric(1, 5);
        Assert.Contains("Id(5) is not an actor", Assert.Throws<InvalidOperationException>(() => outOfRange.Representative(outOfRange.InitStates().First())).Message);

        var mixed = Model().Symmetric(0, 1);
        var error = Assert.Throws<InvalidOperationException>(() => mixed.Representative(mixed.InitStates().First()));
        Assert.Contains("TwoPhaseCommitActors.TransactionManager", error.Message);
        Assert.Contains("only actors of one class", error.Message);

        var overlapping = TwoPhaseCommitActors.Model(3).Symmetric(2, 3);
        Assert.Contains("groups must be disjoint", Assert.Throws<InvalidOperationException>(() => overlapping.Representative(overlapping.InitStates().First())).Message);

        var large = TwoPhaseCommitActors.Model(7); // 7! = 5040 permutations
        Assert.Contains("at most 720", Assert.Throws<InvalidOperationException>(() => large.Representative(large.InitStates().First())).Message);
    }

    [Fact]
    public void Discoveries_under_symmetry_are_the_same_for_every_thread_count_in_both_engines()
    {
        var model = SingleCopyRegister.Model(clientCount: 2, serverCount: 2, interchangeableClients: true);
        foreach (var dfs in new[] { false, true })
        {
            string Paths(int threads)
            {
                var builder = model.Checker().Threads(threads).Symmetry();
                var checker = (dfs ? builder.SpawnDfs() : builder.SpawnBfs()).Join();
                return string.Join("\n", checker.Discoveries.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}: {string.Join(" | ", d.Value.Actions)}"));
            }
            var one = Paths(1);
            Assert.Contains("linearizable", one);
            Assert.Equal(one, Paths(2));
            Assert.Equal(one, Paths(4));
        }
    }
}
