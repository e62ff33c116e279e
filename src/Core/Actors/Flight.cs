namespace Stateright.Actors;

/// <summary>
/// An envelope in flight with its key (and, in a multiset, how many copies): one object shared by every
/// network that holds the envelope, so a send fingerprints the envelope once and a network is a small
/// sorted array of references, copied on write. Caches the actions that deliver or lose the envelope,
/// so listing a state's actions allocates nothing for envelopes seen before.
/// </summary>
internal sealed class Flight<TMsg>(EnvelopeKey key, Envelope<TMsg> envelope, int count = 1)
{
    private ActorModelAction<TMsg>.Deliver? _deliver;
    private ActorModelAction<TMsg>.Drop? _drop;
    private bool _wholeMsg; // the key covers the whole message (WholeFingerprint): any message with this key is this one

    // Flights are values (a network identifies an envelope by its key), so one object per key and count
    // can serve every network of every state: a successor's network then shares its parent's flights and
    // the cached actions with it, where each send made its own before (about one flight and one action
    // per state kept in a BFS level). The cache is direct-mapped by key, like IdentityMemo: a send costs
    // one array read, where a concurrent dictionary hashed a tuple and ran generic lookups (a fifth of
    // linearizable-register's network step). Two keys that share a slot only evict each other, which
    // costs a fresh flight; a thread that reads a slot another is writing sees the old flight or the new.
    private const int CacheBits = 16;
    private static readonly Flight<TMsg>?[] s_cache = new Flight<TMsg>?[1 << CacheBits];

    public static Flight<TMsg> Of(Envelope<TMsg> envelope) => Shared(EnvelopeKey.Of(envelope), envelope);

    /// <summary>The flight of <paramref name="envelope"/> (whose key is <paramref name="key"/>) with <paramref name="count"/> copies, shared with every network that holds the same.</summary>
    public static Flight<TMsg> Shared(EnvelopeKey key, Envelope<TMsg> envelope, int count = 1)
    {
        var cache = s_cache;
        var slot = (int)((key.Fingerprint ^ ((ulong)count * 0x9E3779B97F4A7C15UL)) >> (64 - CacheBits));
        if (cache[slot] is { } flight && flight.Key == key && flight.Count == count && flight.Stands(envelope.Msg)) return flight;
        var added = new Flight<TMsg>(key, envelope, count) { _wholeMsg = envelope.Msg is { } m && WholeFingerprint.Covers(m.GetType()) };
        cache[slot] = added;
        return added;
    }

    /// <summary>
    /// Whether this flight's message can stand for <paramref name="msg"/>, whose envelope has this key:
    /// the same instance, else one of the same type that is equal, or whose fingerprint (the key's)
    /// covers its whole value (see <see cref="WholeFingerprint"/>).
    /// </summary>
    private bool Stands(TMsg msg)
    {
        var pooled = Envelope.Msg;
        if (msg is null || pooled is null) return ReferenceEquals(msg, pooled);
        return (!typeof(TMsg).IsValueType && ReferenceEquals(msg, pooled))
            || msg.GetType() == pooled.GetType() && (_wholeMsg || EqualityComparer<TMsg>.Default.Equals(msg, pooled));
    }

    public EnvelopeKey Key { get; } = key;
    public Envelope<TMsg> Envelope { get; } = envelope;
    public int Count { get; } = count;

    // Races only create equal actions; either may win.
    public ActorModelAction<TMsg>.Deliver Deliver => _deliver ??= new(Envelope.Src, Envelope.Dst, Envelope.Msg);
    public ActorModelAction<TMsg>.Drop Drop => _drop ??= new(Envelope);

    public Flight<TMsg> WithCount(int count) => Shared(Key, Envelope, count);

    /// <summary>
    /// Whether this is the envelope a delivery action names: the same source, destination and message
    /// instance (the action was made from this flight), else equal fingerprints.
    /// </summary>
    public bool IsFor(Envelope<TMsg> envelope) =>
        Envelope.Src == envelope.Src && Envelope.Dst == envelope.Dst
        && (!typeof(TMsg).IsValueType && ReferenceEquals(Envelope.Msg, envelope.Msg));
}

/// <summary>Sorted arrays of flights, ordered by key, changed by copying (networks hold few envelopes).</summary>
internal static class Flights
{
    /// <summary>The index of <paramref name="key"/>, or the bitwise complement of where it would go.</summary>
    public static int Find<TMsg>(ReadOnlySpan<Flight<TMsg>> flights, EnvelopeKey key)
    {
        int lo = 0, hi = flights.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = flights[mid].Key.CompareTo(key);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }

    /// <summary>
    /// The index of the flight holding the envelope a delivery names: found by message instance among
    /// the flights of its channel without fingerprinting it, else by its key; negative if not in flight.
    /// </summary>
    public static int FindEnvelope<TMsg>(ReadOnlySpan<Flight<TMsg>> flights, Envelope<TMsg> envelope, out EnvelopeKey key)
    {
        // Flights of one (source, destination) are adjacent: scan from the first of them.
        var i = ~Find(flights, new EnvelopeKey(envelope.Src, envelope.Dst, 0));
        if (i < 0) i = ~i; // a key with fingerprint 0 exists only if an envelope hashed to 0: never (Fingerprint.Of is never 0)
        for (; i < flights.Length && flights[i].Key.Src == envelope.Src && flights[i].Key.Dst == envelope.Dst; i++)
        {
            if (flights[i].IsFor(envelope))
            {
                key = flights[i].Key;
                return i;
            }
        }
        key = EnvelopeKey.Of(envelope);
        return Find(flights, key);
    }

    public static Flight<TMsg>[] Insert<TMsg>(Flight<TMsg>[] flights, int index, Flight<TMsg> flight)
    {
        var result = new Flight<TMsg>[flights.Length + 1];
        Array.Copy(flights, result, index);
        result[index] = flight;
        Array.Copy(flights, index, result, index + 1, flights.Length - index);
        return result;
    }

    public static Flight<TMsg>[] Replace<TMsg>(Flight<TMsg>[] flights, int index, Flight<TMsg> flight)
    {
        var result = (Flight<TMsg>[])flights.Clone();
        result[index] = flight;
        return result;
    }

    /// <summary>
    /// Inserts <paramref name="flight"/> at <paramref name="index"/> of the first <paramref name="length"/>
    /// flights of <paramref name="buffer"/>, which has room for it, and returns the new length.
    /// </summary>
    public static int InsertInPlace<TMsg>(Flight<TMsg>[] buffer, int length, int index, Flight<TMsg> flight)
    {
        Array.Copy(buffer, index, buffer, index + 1, length - index);
        buffer[index] = flight;
        return length + 1;
    }

    /// <summary>The first <paramref name="length"/> flights of <paramref name="buffer"/>: the buffer itself when it is full.</summary>
    public static Flight<TMsg>[] Trimmed<TMsg>(Flight<TMsg>[] buffer, int length) =>
        length == buffer.Length ? buffer : length == 0 ? [] : buffer.AsSpan(0, length).ToArray();

    public static Flight<TMsg>[] RemoveAt<TMsg>(Flight<TMsg>[] flights, int index)
    {
        if (flights.Length == 1) return [];
        var result = new Flight<TMsg>[flights.Length - 1];
        Array.Copy(flights, result, index);
        Array.Copy(flights, index + 1, result, index, flights.Length - index - 1);
        return result;
    }
}
