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
}
