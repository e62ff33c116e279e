namespace Stateright.Actors;

/// <summary>
/// Renames the actors in a network: rebuilt through the networks' own construction path (sending
/// every renamed envelope into an empty network of the same kind), so that envelope keys, ordering and
/// the incrementally kept fingerprints are those of a network that received these envelopes directly.
/// </summary>
internal static class NetworkRewriting
{
    public static Network<TMsg> Rewrite<TMsg>(Network<TMsg> network, IdPermutation permutation)
    {
        // All lists a multiset's envelope once per copy, and an ordered network's channels in FIFO order,
        // so sending them again rebuilds the counts and the queues.
        var envelopes = network.All.Select(e => IdRewriter<Envelope<TMsg>>.Rewrite(e, permutation));
        return network switch
        {
            UnorderedDuplicatingNetwork<TMsg> duplicating => duplicating.LastDelivered is { } last
                ? Network<TMsg>.UnorderedDuplicating(envelopes).OnDeliver(IdRewriter<Envelope<TMsg>>.Rewrite(last, permutation))
                : Network<TMsg>.UnorderedDuplicating(envelopes),
            UnorderedNonDuplicatingNetwork<TMsg> => Network<TMsg>.UnorderedNonDuplicating(envelopes),
            OrderedNetwork<TMsg> => Network<TMsg>.Ordered(envelopes),
            _ => throw new NotSupportedException($"Unknown network kind {network.KindName}."),
        };
    }
}
