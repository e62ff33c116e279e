namespace Stateright.Actors;

/// <summary>
/// A set of envelopes plus the last envelope delivered: remembering it lets a delivery that changes
/// no actor state still produce a distinct system state, as in the Rust library.
/// </summary>
/// <remarks>
/// The fingerprint is order-insensitive, a sum of mixed envelope fingerprints, so it is kept up to
/// date as envelopes come and go (<paramref name="sum"/>) rather than recomputed over the whole set.
/// </remarks>
internal sealed class UnorderedDuplicatingNetwork<TMsg>(Flight<TMsg>[] flights, Flight<TMsg>? lastDelivered, ulong sum) : Network<TMsg>
{
    public static UnorderedDuplicatingNetwork<TMsg> Empty { get; } = new([], null, 0);

    public override string KindName => "unordered-duplicating";
    public override IEnumerable<Envelope<TMsg>> Deliverable => All;
    public override IEnumerable<Envelope<TMsg>> All => flights.Select(f => f.Envelope);
    public override int Count => flights.Length;

    internal override int DeliverableCount => flights.Length;
    internal override ActorModelAction<TMsg>.Deliver DeliverAt(int index) => flights[index].Deliver;
    internal override ActorModelAction<TMsg>.Drop DropAt(int index) => flights[index].Drop;

    public Envelope<TMsg>? LastDelivered => lastDelivered?.Envelope;

    public override Network<TMsg> Send(Envelope<TMsg> envelope)
    {
        var key = EnvelopeKey.Of(envelope);
        var index = Flights.Find(flights, key);
        return index >= 0
            ? this
            : new UnorderedDuplicatingNetwork<TMsg>(Flights.Insert(flights, ~index, Flight<TMsg>.Shared(key, envelope)), lastDelivered, sum + Term(key));
    }

    public override Network<TMsg> OnDeliver(Envelope<TMsg> envelope)
    {
        // The flight in flight if it is one (its key already computed), else a new one: any envelope may be recorded.
        var index = Flights.FindEnvelope(flights, envelope, out var key);
        return new UnorderedDuplicatingNetwork<TMsg>(flights, index >= 0 ? flights[index] : Flight<TMsg>.Shared(key, envelope), sum);
    }

    public override Network<TMsg> OnDrop(Envelope<TMsg> envelope)
    {
        var index = Flights.FindEnvelope(flights, envelope, out var key);
        return index >= 0
            ? new UnorderedDuplicatingNetwork<TMsg>(Flights.RemoveAt(flights, index), lastDelivered, sum - Term(key))
            : this;
    }

    public override ulong GetFingerprint()
    {
        // A flight's key fingerprint is Fingerprint.Of its envelope (EnvelopeKey.Of).
        var last = lastDelivered is { } flight ? flight.Key.Fingerprint : 0;
        return Fingerprint.Combine(0xD0_B1E_0001UL, sum, last);
    }

    private static ulong Term(EnvelopeKey key) => FingerprintMath.Mix(key.Fingerprint);

    public override string Describe(Func<Envelope<TMsg>, string> format) =>
        base.Describe(format) + (lastDelivered is { } flight ? $" last delivered {format(flight.Envelope)}" : "");
}
