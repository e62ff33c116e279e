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

    private UnorderedNonDuplicatingNetwork<TMsg> Remove(Envelope<TMsg> envelope)
    {
        var index = Flights.FindEnvelope(flights, envelope, out var key);
        if (index < 0) throw new InvalidOperationException($"Envelope not in flight: {envelope}.");
        var count = flights[index].Count;
        var remaining = count == 1 ? Flights.RemoveAt(flights, index) : Flights.Replace(flights, index, flights[index].WithCount(count - 1));
        return new UnorderedNonDuplicatingNetwork<TMsg>(remaining, sum - Term(key, count) + Term(key, count - 1));
    }

    public override ulong GetFingerprint() => Fingerprint.Combine(0xD0_B1E_0002UL, sum);

    /// <summary>An envelope's share of the sum: nothing when none is in flight.</summary>
    private static ulong Term(EnvelopeKey key, int count) =>
        count == 0 ? 0 : FingerprintMath.Mix(Fingerprint.Combine(key.Fingerprint, (ulong)count));
}
