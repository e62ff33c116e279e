using System.Collections;
using System.Collections.Immutable;
using Stateright.Actors;
using Stateright.Semantics;

namespace Stateright.Tests.Actors.Symmetry;

public class IdRewritingTests
{
    // Swaps Id(0) and Id(1) among three actors; Id(2) and ids from 3 on stay.
    private static readonly IdPermutation Swap01 = IdPermutation.Swap(3, 0, 1);

    public sealed record Node(
        Id Owner,
        ImmutableArray<Id> Peers,
        ImmutableSortedSet<Id> Acks,
        ImmutableHashSet<Id> Seen,
        ImmutableDictionary<Id, string> Names,
        ImmutableSortedDictionary<Id, int> Votes,
        (Id Leader, int Term) Ballot,
        Id? Maybe,
        Id[] Array,
        ImmutableList<KeyValuePair<Id, char>> Log,
        string Label);

    [Fact]
    public void Records_collections_tuples_nullables_and_arrays_are_rebuilt_with_every_id_renamed()
    {
        var node = new Node(0, [0, 1, 2, 7], [0, 2], [1], ImmutableDictionary<Id, string>.Empty.Add(0, "zero").Add(2, "two"),
            ImmutableSortedDictionary<Id, int>.Empty.Add(1, 10).Add(2, 20), (1, 5), 0, [1, 1], [new(0, 'x')], "label");

        var renamed = Swap01.Rewrite(node);

        Assert.Equal(Id.From(1), renamed.Owner);
        Assert.Equal(new[] { 1, 0, 2, 7 }, renamed.Peers.Select(id => (int)id.Value));
        Assert.Equal(new[] { 1, 2 }, renamed.Acks.Select(id => (int)id.Value)); // re-sorted
        Assert.Equal(new[] { 0 }, renamed.Seen.Select(id => (int)id.Value));
        Assert.Equal("zero", renamed.Names[1]);
        Assert.Equal("two", renamed.Names[2]);
        Assert.False(renamed.Names.ContainsKey(0));
        Assert.Equal(new[] { (0, 10), (2, 20) }, renamed.Votes.Select(e => ((int)e.Key.Value, e.Value))); // re-sorted
        Assert.Equal((Id.From(0), 5), renamed.Ballot);
        Assert.Equal(Id.From(1), renamed.Maybe);
        Assert.Equal(new[] { Id.From(0), Id.From(0) }, renamed.Array);
        Assert.Equal(Id.From(1), renamed.Log[0].Key);
        Assert.Equal("label", renamed.Label);
        Assert.Equal(Id.From(0), node.Owner); // the original is untouched
        Assert.Equal(Fingerprint.Of(node), Fingerprint.Of(Swap01.Rewrite(renamed))); // a swap undoes itself
    }

    public sealed record NoIds(string Name, int Count, ImmutableArray<char> Letters);

    [Fact]
    public void Values_that_cannot_hold_an_id_are_returned_as_they_are()
    {
        var value = new NoIds("n", 3, ['a']);
        Assert.Same(value, Swap01.Rewrite(value));
        Assert.False(IdRewriter<NoIds>.MayContainId);
        Assert.True(IdRewriter<Node>.MayContainId);
        Assert.True(IdRewriter<object>.MayContainId); // decided per runtime type
    }

    public abstract record Msg
    {
        public sealed record Ping(Id From, ulong Seq) : Msg;
        public sealed record Pong(ulong Seq) : Msg;
    }

    [Fact]
    public void Values_seen_through_object_or_an_abstract_type_are_renamed_by_their_runtime_type()
    {
        object boxed = new Msg.Ping(0, 4);
        Assert.Equal(new Msg.Ping(1, 4), Swap01.Rewrite(boxed));
        Msg message = new Msg.Ping(2, 4);
        Assert.Equal(new Msg.Ping(2, 4), Swap01.Rewrite(message));
        object pong = new Msg.Pong(1);
        Assert.Same(pong, Swap01.Rewrite(pong));
        object id = Id.From(1);
        Assert.Equal(Id.From(0), Swap01.Rewrite(id));
        Assert.Null(Swap01.Rewrite<object?>(null));
    }

    public sealed class Hidden(Id owner, int weight)
    {
        private readonly Id _owner = owner;
        public Id Owner => _owner;
        public int Weight { get; } = weight;
    }

    public readonly struct Pair(Id first, Id second)
    {
        private readonly Id _first = first;
        public Id First => _first;
        public Id Second { get; } = second;
    }

    [Fact]
    public void Private_readonly_fields_of_classes_and_structs_are_renamed_too()
    {
        var hidden = Swap01.Rewrite(new Hidden(0, 3));
        Assert.Equal(Id.From(1), hidden.Owner);
        Assert.Equal(3, hidden.Weight);
        var pair = Swap01.Rewrite(new Pair(1, 2));
        Assert.Equal(Id.From(0), pair.First);
        Assert.Equal(Id.From(2), pair.Second);
    }

    public sealed record Custom(Id Owner) : IRewritable<Custom>
    {
        public int Rewrites { get; init; }
        public Custom Rewrite(IdPermutation permutation) => new(permutation.Map(Owner)) { Rewrites = Rewrites + 1 };
    }

    [Fact]
    public void A_type_implementing_IRewritable_takes_over()
    {
        var renamed = Swap01.Rewrite(ImmutableArray.Create(new Custom(0)));
        Assert.Equal(Id.From(1), renamed[0].Owner);
        Assert.Equal(1, renamed[0].Rewrites);
    }

    public sealed class Bag : IEnumerable<Id>
    {
        public IEnumerator<Id> GetEnumerator() => Enumerable.Empty<Id>().GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public sealed record Holder(int Count, Bag Items);

    public sealed record Cached(Id Owner) : IFingerprintable
    {
        public ulong GetFingerprint() => Owner.Value;
    }

    [Fact]
    public void A_type_that_holds_ids_but_cannot_be_rebuilt_gives_an_error_naming_the_type_and_the_member()
    {
        var error = Assert.Throws<UnrewritableTypeException>(() => Swap01.Rewrite(new Holder(1, new Bag())));
        Assert.Contains("member 'IdRewritingTests.Holder.Items'", error.Message);
        Assert.Contains("'IdRewritingTests.Bag'", error.Message);
        Assert.Contains("IRewritable<IdRewritingTests.Bag>", error.Message);
        Assert.DoesNotContain("`", error.Message);
        Assert.Equal(typeof(Bag), error.OffendingType);

        var cached = Assert.Throws<UnrewritableTypeException>(() => Swap01.Rewrite<object>(new Cached(0)));
        Assert.Contains("IFingerprintable", cached.Message);
        Assert.Contains("IRewritable<IdRewritingTests.Cached>", cached.Message);
    }

    [Fact]
    public void Envelopes_and_options_are_renamed()
    {
        Assert.Equal(new Envelope<Msg>(1, 2, new Msg.Ping(1, 0)), Swap01.Rewrite(new Envelope<Msg>(0, 2, new Msg.Ping(0, 0))));
        Assert.Equal(Option.Some(Id.From(0)), Swap01.Rewrite(Option.Some(Id.From(1))));
        Assert.Equal(Option<Id>.None, Swap01.Rewrite(Option<Id>.None));
    }

    private static LinearizabilityTester<Id, Register<Id>, RegisterOp<Id>, RegisterRet<Id>> History(Id a, Id b) =>
        new LinearizabilityTester<Id, Register<Id>, RegisterOp<Id>, RegisterRet<Id>>(new Register<Id>(a))
            .OnInvoke(a, new RegisterOp<Id>.Write(a))
            .OnInvoke(b, new RegisterOp<Id>.Read())
            .OnReturn(a, new RegisterRet<Id>.WriteOk())
            .OnInvoke(a, new RegisterOp<Id>.Write(b))
            .OnReturn(b, new RegisterRet<Id>.ReadOk(a));

    [Fact]
    public void A_consistency_tester_renamed_equals_the_tester_told_the_same_story_about_the_renamed_actors()
    {
        // Threads, values written and read, and the reference object all hold ids here.
        var original = History(0, 2);
        var renamed = Swap01.Rewrite(original);
        Assert.Equal(History(1, 2), renamed);
        Assert.Equal(Fingerprint.Of(History(1, 2)), Fingerprint.Of(renamed));
        Assert.NotEqual(Fingerprint.Of(original), Fingerprint.Of(renamed));
        Assert.True(renamed.IsConsistent());

        var sequential = new SequentialConsistencyTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>(new Register<char>('?'))
            .OnInvoke(0, new RegisterOp<char>.Write('A'));
        Assert.Equal(
            new SequentialConsistencyTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>(new Register<char>('?')).OnInvoke(1, new RegisterOp<char>.Write('A')),
            Swap01.Rewrite(sequential));
    }

    [Fact]
    public void Permutations_must_be_permutations()
    {
        Assert.Throws<ArgumentException>(() => IdPermutation.FromMapping([0, 0, 1]));
        Assert.Throws<ArgumentException>(() => IdPermutation.FromMapping([1, 2]));
        var p = IdPermutation.FromMapping([1, 2, 0]);
        Assert.Equal(Id.From(2), p.Map(1));
        Assert.Equal(Id.From(9), p.Map(9));
        Assert.False(p.IsIdentity);
        Assert.True(IdPermutation.FromMapping([0, 1]).IsIdentity);
    }
}
