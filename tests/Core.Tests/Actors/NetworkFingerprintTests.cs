using Stateright.Actors;

namespace Stateright.Tests.Actors;

/// <summary>
/// Networks keep their fingerprints up to date as envelopes come and go; these tests check that the
/// running value depends only on what is in flight, never on the order of the steps that led there.
/// </summary>
public class NetworkFingerprintTests
{
    private static readonly Envelope<string> A = new(0, 1, "a");
    private static readonly Envelope<string> B = new(1, 0, "b");
    private static readonly Envelope<string> C = new(0, 1, "c");

    [Fact]
    public void A_multiset_fingerprints_its_contents_whatever_the_history()
    {
        var direct = Network<string>.UnorderedNonDuplicating(A, B, A);
        var roundabout = Network<string>.UnorderedNonDuplicating(C, A).Send(B).OnDeliver(C).Send(A).Send(C).OnDrop(C);
        Assert.Equal(direct.GetFingerprint(), roundabout.GetFingerprint());
        Assert.NotEqual(direct.GetFingerprint(), Network<string>.UnorderedNonDuplicating(A, B).GetFingerprint()); // counts matter
        Assert.Equal(Network<string>.UnorderedNonDuplicating().GetFingerprint(), direct.OnDeliver(A).OnDeliver(B).OnDrop(A).GetFingerprint());
    }

    [Fact]
    public void A_set_fingerprints_its_contents_and_the_last_delivery_whatever_the_history()
    {
        var direct = Network<string>.UnorderedDuplicating(A, B);
        var roundabout = Network<string>.UnorderedDuplicating(B, C).Send(A).Send(A).OnDrop(C).OnDrop(C);
        Assert.Equal(direct.GetFingerprint(), roundabout.GetFingerprint());
        Assert.Equal(2, roundabout.Count);
        // Delivering keeps the envelope in flight but is remembered, so the fingerprint changes.
        Assert.NotEqual(direct.GetFingerprint(), direct.OnDeliver(A).GetFingerprint());
        Assert.Equal(direct.OnDeliver(A).GetFingerprint(), roundabout.OnDeliver(A).GetFingerprint());
    }

    public static TheoryData<string> Kinds => new(NetworkKinds.Names);

    /// <summary>
    /// A step's network is built in one go (one array however many messages the step sends); it must
    /// be the network that delivering and then sending one message at a time gives.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_step_built_in_one_go_equals_its_delivery_then_each_send(string kind)
    {
        Assert.True(NetworkKinds.TryParse(kind, out var parsed));
        var start = Network<string>.Of(parsed).Send(A).Send(A).Send(B).Send(C);
        var o = new Out<string>();
        o.Send(1, "a"); // a copy of an envelope in flight (A)
        o.SetTimer("t", TimeSpan.Zero, TimeSpan.Zero); // not a send: skipped
        o.Send(0, "b"); // from 1 to 0, not in flight
        o.Send(1, "d");
        o.Send(1, "d"); // twice in one step
        var sends = o.Commands.OfType<Command<string>.Send>().ToList();
        foreach (var delivered in new Envelope<string>?[] { A, B, C, null })
        {
            var oneByOne = delivered is { } d ? start.OnDeliver(d) : start;
            foreach (var send in sends) oneByOne = oneByOne.Send(new Envelope<string>(0, send.Destination, send.Msg));
            var inOneGo = start.Step(delivered, 0, o.Entries);
            Assert.Equal(oneByOne.GetFingerprint(), inOneGo.GetFingerprint());
            Assert.Equal(oneByOne.ToString(), inOneGo.ToString());
            Assert.Equal(oneByOne.Count, inOneGo.Count);
            Assert.Equal(oneByOne.Deliverable, inOneGo.Deliverable);
        }
        Assert.Same(start, start.Step(null, 0, default)); // no delivery, no send: unchanged
    }

    /// <summary>
    /// An actor model identifies a delivery's successor by the fingerprint its network would have after
    /// the step, told without building that network; it must be the built network's, in every case a
    /// multiset's counts can meet (a copy of an envelope in flight, the delivered envelope sent again,
    /// one envelope sent twice in a step), and the field fingerprint derived from it the field's.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_step_fingerprint_told_without_building_is_the_built_step_s(string kind)
    {
        Assert.True(NetworkKinds.TryParse(kind, out var parsed));
        var start = Network<string>.Of(parsed).Send(A).Send(A).Send(B).Send(C);
        var o = new Out<string>();
        o.Send(1, "a"); // a copy of an envelope in flight (A), and A itself when A is delivered
        o.SetTimer("t", TimeSpan.Zero, TimeSpan.Zero); // not a send: skipped
        o.Send(1, "c"); // C again: count 1 -> 0 -> 1 when C is delivered
        o.Send(0, "b"); // from 0 to 0, not in flight
        o.Send(1, "d");
        o.Send(1, "d"); // twice in one step
        var sends = o.Commands.OfType<Command<string>.Send>().ToList();
        var steps = 0;
        foreach (var delivered in new Envelope<string>?[] { A, B, C, null })
        {
            var built = start.Step(delivered, 0, o.Entries);
            var sendFingerprints = new ulong[5];
            if (!start.TryStepFingerprint(delivered, o.Entries, 0, sendFingerprints, out var told))
            {
                Assert.Equal(NetworkKind.Ordered, parsed); // ordered channels are built, not told
                continue;
            }
            steps++;
            Assert.Equal(built.GetFingerprint(), told);
            Assert.Equal(built.FieldFingerprint, start.FieldFingerprintOf(told));
            // The step built from the told send fingerprints is the same network.
            Assert.Equal(sends.Select(x => Fingerprint.Of(new Envelope<string>(0, x.Destination, x.Msg))), sendFingerprints);
            var reused = start.Step(delivered, 0, o.Entries, sendFingerprints);
            Assert.Equal(built.ToString(), reused.ToString());
            Assert.Equal(built.GetFingerprint(), reused.GetFingerprint());
            Assert.True(start.TryStepFingerprint(delivered, default, 0, default, out var deliveryOnly));
            Assert.Equal(start.Step(delivered, 0, default).GetFingerprint(), deliveryOnly);
        }
        Assert.Equal(parsed == NetworkKind.Ordered ? 0 : 4, steps);
    }
}
