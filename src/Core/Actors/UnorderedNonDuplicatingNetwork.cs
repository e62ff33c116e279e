namespace Stateright.Actors;

/// <summary>A multiset of envelopes; its fingerprint is kept up to date as a sum, like the duplicating network's.</summary>
internal sealed class UnorderedNonDuplicatingNetwork<TMsg>(Flight<TMsg>[] flights, ulong sum) : Network<TMsg>
{
    public static UnorderedNonDuplicatingNetwork<TMsg> Empty { get; } = new([], 0);

    public override string KindName => "unordered-nonduplicating";
    public override IEnumerable<Envelope<TMsg>> Deliverable => flights.Select(f => f.Envelope);
    public override IEnumerable<Envelope<TMsg>> All => flights.SelectMany(f => Enumerable.Repeat(f.Envelope, f.Count));

    public override int Count
    {
        get
        {
            var count = 0;
            foreach (var flight in flights) count += flight.Count;
            return count;
        }
    }

    internal override int DeliverableCount => flights.Length;
    internal override ActorModelAction<TMsg>.Deliver DeliverAt(int index) => flights[index].Deliver;
    internal override ActorModelAction<TMsg>.Drop DropAt(int index) => flights[index].Drop;

    public override Network<TMsg> Send(Envelope<TMsg> envelope)
    {
        var key = EnvelopeKey.Of(envelope);
        var index = Flights.Find(flights, key);
        if (index < 0)
            return new UnorderedNonDuplicatingNetwork<TMsg>(Flights.Insert(flights, ~index, Flight<TMsg>.Shared(key, envelope)), sum + Term(key, 1));
        var count = flights[index].Count;
        return new UnorderedNonDuplicatingNetwork<TMsg>(Flights.Replace(flights, index, flights[index].WithCount(count + 1)), sum - Term(key, count) + Term(key, count + 1));
    }

    public override Network<TMsg> OnDeliver(Envelope<TMsg> envelope) => Remove(envelope);

    public override Network<TMsg> OnDrop(Envelope<TMsg> envelope) => Remove(envelope);

    internal override Network<TMsg> Step(Envelope<TMsg>? delivered, Id src, ReadOnlySpan<Out<TMsg>.Entry> entries, ReadOnlySpan<ulong> sendFingerprints = default)
    {
        var sends = SendCount(entries);
        if (sends == 0) return delivered is { } only ? Remove(only) : this;
        // One copy, sized for the step: the delivered envelope taken out while copying, then the sends
        // inserted in place (a send that adds a copy of an envelope in flight leaves one slot unused).
        var length = flights.Length;
        var removed = -1;
        var total = sum;
        Flight<TMsg>? decremented = null;
        if (delivered is { } envelope)
        {
            removed = Flights.FindEnvelope<TMsg>(flights, envelope, out var key);
            if (removed < 0) throw new InvalidOperationException($"Envelope not in flight: {envelope}.");
            var count = flights[removed].Count;
            total += Term(key, count - 1) - Term(key, count);
            if (count > 1) decremented = flights[removed].WithCount(count - 1);
            else length--;
        }
        var buffer = new Flight<TMsg>[length + sends];
        if (removed < 0) Array.Copy(flights, buffer, flights.Length);
        else if (decremented is not null)
        {
            Array.Copy(flights, buffer, flights.Length);
            buffer[removed] = decremented;
        }
        else
        {
            Array.Copy(flights, buffer, removed);
            Array.Copy(flights, removed + 1, buffer, removed, flights.Length - removed - 1);
        }
        var sendIndex = 0;
        foreach (ref readonly var entry in entries)
        {
            if (entry.Other is not null) continue;
            var sent = new Envelope<TMsg>(src, entry.Destination, entry.Msg);
            var key = EnvelopeKey.Of(sent, sendFingerprints, sendIndex++);
            var index = Flights.Find<TMsg>(buffer.AsSpan(0, length), key);
            if (index < 0)
            {
                length = Flights.InsertInPlace(buffer, length, ~index, Flight<TMsg>.Shared(key, sent));
                total += Term(key, 1);
            }
            else
            {
                var count = buffer[index].Count;
                buffer[index] = buffer[index].WithCount(count + 1);
                total += Term(key, count + 1) - Term(key, count);
            }
        }
        return new UnorderedNonDuplicatingNetwork<TMsg>(Flights.Trimmed(buffer, length), total);
    }

    internal override bool TryStepFingerprint(Envelope<TMsg>? delivered, ReadOnlySpan<Out<TMsg>.Entry> entries, Id src, Span<ulong> sendFingerprints, out ulong fingerprint)
    {
        // The sum after the step, from the counts Step would leave: each key's count in this network,
        // less the delivered copy, plus the copies the step sent before.
        var total = sum;
        var removedKey = default(EnvelopeKey);
        var removed = -1;
        if (delivered is { } envelope)
        {
            removed = Flights.FindEnvelope<TMsg>(flights, envelope, out removedKey);
            if (removed < 0) throw new InvalidOperationException($"Envelope not in flight: {envelope}.");
            var count = flights[removed].Count;
            total += Term(removedKey, count - 1) - Term(removedKey, count);
        }
        var sends = SendCount(entries);
        Span<EnvelopeKey> sent = sends <= 16 ? stackalloc EnvelopeKey[sends] : new EnvelopeKey[sends];
        var n = 0;
        foreach (ref readonly var entry in entries)
        {
            if (entry.Other is not null) continue;
            var key = EnvelopeKey.Of(new Envelope<TMsg>(src, entry.Destination, entry.Msg));
            var index = Flights.Find<TMsg>(flights, key);
            var before = index >= 0 ? flights[index].Count : 0;
            if (removed >= 0 && key == removedKey) before--;
            for (var j = 0; j < n; j++) if (sent[j] == key) before++;
            total += Term(key, before + 1) - Term(key, before);
            if (n < sendFingerprints.Length) sendFingerprints[n] = key.Fingerprint;
            sent[n++] = key;
        }
        fingerprint = FingerprintOf(total);
        return true;
    }

    private protected override ulong KindTag => TypeTag<UnorderedNonDuplicatingNetwork<TMsg>>.Value;

    private UnorderedNonDuplicatingNetwork<TMsg> Remove(Envelope<TMsg> envelope)
    {
        var index = Flights.FindEnvelope(flights, envelope, out var key);
        if (index < 0) throw new InvalidOperationException($"Envelope not in flight: {envelope}.");
        var count = flights[index].Count;
        var remaining = count == 1 ? Flights.RemoveAt(flights, index) : Flights.Replace(flights, index, flights[index].WithCount(count - 1));
        return new UnorderedNonDuplicatingNetwork<TMsg>(remaining, sum - Term(key, count) + Term(key, count - 1));
    }

    public override ulong GetFingerprint() => FingerprintOf(sum);

    private static ulong FingerprintOf(ulong sum) => Stateright.Fingerprint.Combine(0xD0_B1E_0002UL, sum);

    /// <summary>An envelope's share of the sum: nothing when none is in flight.</summary>
    private static ulong Term(EnvelopeKey key, int count) =>
        count == 0 ? 0 : FingerprintMath.Mix(Fingerprint.Combine(key.Fingerprint, (ulong)count));
}
