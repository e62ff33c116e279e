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

    internal override Network<TMsg> Step(Envelope<TMsg>? delivered, Id src, ReadOnlySpan<Out<TMsg>.Entry> entries, ReadOnlySpan<ulong> sendFingerprints = default)
    {
        var last = lastDelivered;
        if (delivered is { } envelope)
        {
            var index = Flights.FindEnvelope<TMsg>(flights, envelope, out var key);
            last = index >= 0 ? flights[index] : Flight<TMsg>.Shared(key, envelope);
        }
        // A copy only if some send is new (a set: a message already in flight is not added twice).
        var sends = SendCount(entries);
        Flight<TMsg>[]? buffer = null;
        var length = flights.Length;
        var total = sum;
        var sendIndex = 0;
        foreach (ref readonly var entry in entries)
        {
            if (entry.Other is not null) continue;
            var sent = new Envelope<TMsg>(src, entry.Destination, entry.Msg);
            var key = EnvelopeKey.Of(sent, sendFingerprints, sendIndex++);
            var index = Flights.Find<TMsg>(buffer is null ? flights : buffer.AsSpan(0, length), key);
            if (index >= 0) continue;
            if (buffer is null)
            {
                buffer = new Flight<TMsg>[flights.Length + sends];
                Array.Copy(flights, buffer, flights.Length);
            }
            length = Flights.InsertInPlace(buffer, length, ~index, Flight<TMsg>.Shared(key, sent));
            total += Term(key);
        }
        if (buffer is null && ReferenceEquals(last, lastDelivered)) return this;
        return new UnorderedDuplicatingNetwork<TMsg>(buffer is null ? flights : Flights.Trimmed(buffer, length), last, total);
    }

    internal override bool TryStepFingerprint(Envelope<TMsg>? delivered, ReadOnlySpan<Out<TMsg>.Entry> entries, Id src, Span<ulong> sendFingerprints, out ulong fingerprint)
    {
        // As Step: the delivered envelope becomes the last delivered, and each send not yet in the set adds its term once.
        var last = lastDelivered is { } flight ? flight.Key.Fingerprint : 0;
        if (delivered is { } envelope)
        {
            Flights.FindEnvelope<TMsg>(flights, envelope, out var key);
            last = key.Fingerprint;
        }
        var total = sum;
        var sends = SendCount(entries);
        Span<EnvelopeKey> added = sends <= 16 ? stackalloc EnvelopeKey[sends] : new EnvelopeKey[sends];
        int n = 0, told = 0;
        foreach (ref readonly var entry in entries)
        {
            if (entry.Other is not null) continue;
            var key = EnvelopeKey.Of(new Envelope<TMsg>(src, entry.Destination, entry.Msg));
            if (told < sendFingerprints.Length) sendFingerprints[told] = key.Fingerprint;
            told++;
            if (Flights.Find<TMsg>(flights, key) >= 0 || added[..n].Contains(key)) continue;
            total += Term(key);
            added[n++] = key;
        }
        fingerprint = FingerprintOf(total, last);
        return true;
    }

    private protected override ulong KindTag => TypeTag<UnorderedDuplicatingNetwork<TMsg>>.Value;

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
        return FingerprintOf(sum, lastDelivered is { } flight ? flight.Key.Fingerprint : 0);
    }

    private static ulong FingerprintOf(ulong sum, ulong lastDelivered) => Stateright.Fingerprint.Combine(0xD0_B1E_0001UL, sum, lastDelivered);

    private static ulong Term(EnvelopeKey key) => FingerprintMath.Mix(key.Fingerprint);

    public override string Describe(Func<Envelope<TMsg>, string> format) =>
        base.Describe(format) + (lastDelivered is { } flight ? $" last delivered {format(flight.Envelope)}" : "");
}
