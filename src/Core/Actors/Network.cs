using System.Collections.Immutable;

namespace Stateright.Actors;

/// <summary>
/// The messages in flight, with the delivery semantics of a kind of network. Immutable: every
/// operation returns a new network. Envelopes are identified by fingerprint, so messages holding
/// immutable collections behave as values.
/// </summary>
/// <typeparam name="TMsg">The message type.</typeparam>
public abstract class Network<TMsg> : IFingerprintable
{
    private protected Network() { }

    /// <summary>The kind's name, as accepted by <see cref="NetworkKind"/> parsing: <c>ordered</c>, <c>unordered-duplicating</c>, <c>unordered-nonduplicating</c>.</summary>
    public abstract string KindName { get; }

    /// <summary>
    /// The envelopes that can be delivered next (for an ordered network, the head of each channel),
    /// ordered by source, destination, then fingerprint: the same in every process.
    /// </summary>
    public abstract IEnumerable<Envelope<TMsg>> Deliverable { get; }

    /// <summary>Every envelope in flight.</summary>
    public abstract IEnumerable<Envelope<TMsg>> All { get; }

    /// <summary>The number of messages in flight.</summary>
    public abstract int Count { get; }

    /// <summary>The network after sending an envelope.</summary>
    public abstract Network<TMsg> Send(Envelope<TMsg> envelope);

    /// <summary>The network after delivering an envelope.</summary>
    public abstract Network<TMsg> OnDeliver(Envelope<TMsg> envelope);

    /// <summary>The network after losing an envelope.</summary>
    public abstract Network<TMsg> OnDrop(Envelope<TMsg> envelope);

    /// <inheritdoc/>
    public abstract ulong GetFingerprint();

    /// <summary>A network in which a message can be delivered any number of times, in any order (the default, as in the Rust library).</summary>
    public static Network<TMsg> UnorderedDuplicating(params IEnumerable<Envelope<TMsg>> envelopes) =>
        Fill(new UnorderedDuplicatingNetwork<TMsg>(ImmutableSortedDictionary<EnvelopeKey, Envelope<TMsg>>.Empty, null, 0), envelopes);

    /// <summary>A network in which each message is delivered at most once, in any order.</summary>
    public static Network<TMsg> UnorderedNonDuplicating(params IEnumerable<Envelope<TMsg>> envelopes) =>
        Fill(new UnorderedNonDuplicatingNetwork<TMsg>(ImmutableSortedDictionary<EnvelopeKey, (Envelope<TMsg>, int)>.Empty, 0), envelopes);

    /// <summary>A network with a FIFO channel per (source, destination) pair, each message delivered once.</summary>
    public static Network<TMsg> Ordered(params IEnumerable<Envelope<TMsg>> envelopes) =>
        Fill(new OrderedNetwork<TMsg>(ImmutableSortedDictionary<(Id, Id), ImmutableQueue<TMsg>>.Empty), envelopes);

    /// <summary>An empty network of the given kind.</summary>
    public static Network<TMsg> Of(NetworkKind kind) => kind switch
    {
        NetworkKind.Ordered => Ordered(),
        NetworkKind.UnorderedNonDuplicating => UnorderedNonDuplicating(),
        _ => UnorderedDuplicating(),
    };

    private static Network<TMsg> Fill(Network<TMsg> network, IEnumerable<Envelope<TMsg>> envelopes)
    {
        foreach (var envelope in envelopes) network = network.Send(envelope);
        return network;
    }

    /// <inheritdoc/>
    public override string ToString() => Describe(static e => e.ToString());

    /// <summary>The network as text, each envelope rendered by <paramref name="format"/>, in a stable order.</summary>
    public virtual string Describe(Func<Envelope<TMsg>, string> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return $"{KindName} {{{string.Join(", ", All.Select(e => (Envelope: e, Text: format(e))).OrderBy(x => x.Envelope.Src).ThenBy(x => x.Envelope.Dst).ThenBy(x => x.Text, StringComparer.Ordinal).Select(x => x.Text))}}}";
    }
}

/// <summary>
/// Orders envelopes by source, then destination, then fingerprint: the order in which the model lists
/// deliveries, fixed across processes, with no comparisons of messages needed.
/// </summary>
internal readonly record struct EnvelopeKey(Id Src, Id Dst, ulong Fingerprint) : IComparable<EnvelopeKey>
{
    public static EnvelopeKey Of<TMsg>(Envelope<TMsg> envelope) => new(envelope.Src, envelope.Dst, Stateright.Fingerprint.Of(envelope));

    public int CompareTo(EnvelopeKey other) =>
        Src != other.Src ? Src.CompareTo(other.Src) : Dst != other.Dst ? Dst.CompareTo(other.Dst) : Fingerprint.CompareTo(other.Fingerprint);
}

/// <summary>The kinds of network.</summary>
public enum NetworkKind
{
    /// <summary>Per-channel FIFO, each message delivered once.</summary>
    Ordered,

    /// <summary>Any order; a message can be redelivered.</summary>
    UnorderedDuplicating,

    /// <summary>Any order; each message delivered at most once.</summary>
    UnorderedNonDuplicating,
}

/// <summary>Parsing of <see cref="NetworkKind"/> names.</summary>
public static class NetworkKinds
{
    /// <summary>The names accepted on command lines.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ordered", "unordered-duplicating", "unordered-nonduplicating"];

    /// <summary>Parses a name (dashes or underscores); false if unknown.</summary>
    public static bool TryParse(string name, out NetworkKind kind)
    {
        switch (name.Replace('_', '-').ToLowerInvariant())
        {
            case "ordered": kind = NetworkKind.Ordered; return true;
            case "unordered-duplicating": kind = NetworkKind.UnorderedDuplicating; return true;
            case "unordered-nonduplicating": kind = NetworkKind.UnorderedNonDuplicating; return true;
            default: kind = default; return false;
        }
    }
}

/// <summary>
/// A set of envelopes plus the last envelope delivered: remembering it lets a delivery that changes
/// no actor state still produce a distinct system state, as in the Rust library.
/// </summary>
/// <remarks>
/// The fingerprint is order-insensitive, a sum of mixed envelope fingerprints, so it is kept up to
/// date as envelopes come and go (<paramref name="sum"/>) rather than recomputed over the whole set.
/// </remarks>
internal sealed class UnorderedDuplicatingNetwork<TMsg>(ImmutableSortedDictionary<EnvelopeKey, Envelope<TMsg>> envelopes, Envelope<TMsg>? lastDelivered, ulong sum) : Network<TMsg>
{
    public override string KindName => "unordered-duplicating";
    public override IEnumerable<Envelope<TMsg>> Deliverable => envelopes.Values;
    public override IEnumerable<Envelope<TMsg>> All => envelopes.Values;
    public override int Count => envelopes.Count;

    public Envelope<TMsg>? LastDelivered => lastDelivered;

    public override Network<TMsg> Send(Envelope<TMsg> envelope)
    {
        var key = EnvelopeKey.Of(envelope);
        return envelopes.ContainsKey(key)
            ? this
            : new UnorderedDuplicatingNetwork<TMsg>(envelopes.Add(key, envelope), lastDelivered, sum + Term(key));
    }

    public override Network<TMsg> OnDeliver(Envelope<TMsg> envelope) => new UnorderedDuplicatingNetwork<TMsg>(envelopes, envelope, sum);

    public override Network<TMsg> OnDrop(Envelope<TMsg> envelope)
    {
        var key = EnvelopeKey.Of(envelope);
        return envelopes.ContainsKey(key)
            ? new UnorderedDuplicatingNetwork<TMsg>(envelopes.Remove(key), lastDelivered, sum - Term(key))
            : this;
    }

    public override ulong GetFingerprint()
    {
        var last = lastDelivered is { } e ? Fingerprint.Of(e) : 0;
        return Fingerprint.Combine(0xD0_B1E_0001UL, sum, last);
    }

    private static ulong Term(EnvelopeKey key) => FingerprintMath.Mix(key.Fingerprint);

    public override string Describe(Func<Envelope<TMsg>, string> format) =>
        base.Describe(format) + (lastDelivered is { } e ? $" last delivered {format(e)}" : "");
}

/// <summary>A multiset of envelopes; its fingerprint is kept up to date as a sum, like the duplicating network's.</summary>
internal sealed class UnorderedNonDuplicatingNetwork<TMsg>(ImmutableSortedDictionary<EnvelopeKey, (Envelope<TMsg> Envelope, int Count)> envelopes, ulong sum) : Network<TMsg>
{
    public override string KindName => "unordered-nonduplicating";
    public override IEnumerable<Envelope<TMsg>> Deliverable => envelopes.Values.Select(v => v.Envelope);
    public override IEnumerable<Envelope<TMsg>> All => envelopes.Values.SelectMany(v => Enumerable.Repeat(v.Envelope, v.Count));
    public override int Count => envelopes.Values.Sum(v => v.Count);

    public override Network<TMsg> Send(Envelope<TMsg> envelope)
    {
        var key = EnvelopeKey.Of(envelope);
        var count = envelopes.TryGetValue(key, out var entry) ? entry.Count : 0;
        return new UnorderedNonDuplicatingNetwork<TMsg>(envelopes.SetItem(key, (envelope, count + 1)), sum - Term(key, count) + Term(key, count + 1));
    }

    public override Network<TMsg> OnDeliver(Envelope<TMsg> envelope) => Remove(envelope);

    public override Network<TMsg> OnDrop(Envelope<TMsg> envelope) => Remove(envelope);

    private UnorderedNonDuplicatingNetwork<TMsg> Remove(Envelope<TMsg> envelope)
    {
        var key = EnvelopeKey.Of(envelope);
        if (!envelopes.TryGetValue(key, out var entry)) throw new InvalidOperationException($"Envelope not in flight: {envelope}.");
        var remaining = entry.Count == 1 ? envelopes.Remove(key) : envelopes.SetItem(key, (entry.Envelope, entry.Count - 1));
        return new UnorderedNonDuplicatingNetwork<TMsg>(remaining, sum - Term(key, entry.Count) + Term(key, entry.Count - 1));
    }

    public override ulong GetFingerprint() => Fingerprint.Combine(0xD0_B1E_0002UL, sum);

    /// <summary>An envelope's share of the sum: nothing when none is in flight.</summary>
    private static ulong Term(EnvelopeKey key, int count) =>
        count == 0 ? 0 : FingerprintMath.Mix(Fingerprint.Combine(key.Fingerprint, (ulong)count));
}

/// <summary>A FIFO queue per (source, destination) channel; empty channels are removed so that equal contents fingerprint equally.</summary>
internal sealed class OrderedNetwork<TMsg>(ImmutableSortedDictionary<(Id Src, Id Dst), ImmutableQueue<TMsg>> channels) : Network<TMsg>
{
    public override string KindName => "ordered";
    public override IEnumerable<Envelope<TMsg>> Deliverable => channels.Select(c => new Envelope<TMsg>(c.Key.Src, c.Key.Dst, c.Value.Peek()));
    public override IEnumerable<Envelope<TMsg>> All => channels.SelectMany(c => c.Value.Select(m => new Envelope<TMsg>(c.Key.Src, c.Key.Dst, m)));
    public override int Count => channels.Values.Sum(q => q.Count());

    public override Network<TMsg> Send(Envelope<TMsg> envelope)
    {
        var channel = (envelope.Src, envelope.Dst);
        var queue = channels.TryGetValue(channel, out var q) ? q : ImmutableQueue<TMsg>.Empty;
        return new OrderedNetwork<TMsg>(channels.SetItem(channel, queue.Enqueue(envelope.Msg)));
    }

    public override Network<TMsg> OnDeliver(Envelope<TMsg> envelope) => Remove(envelope);

    public override Network<TMsg> OnDrop(Envelope<TMsg> envelope) => Remove(envelope);

    private OrderedNetwork<TMsg> Remove(Envelope<TMsg> envelope)
    {
        var channel = (envelope.Src, envelope.Dst);
        if (!channels.TryGetValue(channel, out var queue)) throw new InvalidOperationException($"No channel {envelope.Src} → {envelope.Dst}.");
        // Remove the first message equal (by fingerprint) to the envelope's: normally the head.
        var wanted = Fingerprint.Of(envelope.Msg);
        var kept = new List<TMsg>();
        var removed = false;
        foreach (var msg in queue)
        {
            if (!removed && Fingerprint.Of(msg) == wanted) { removed = true; continue; }
            kept.Add(msg);
        }
        if (!removed) throw new InvalidOperationException($"Message not in flight: {envelope}.");
        return new OrderedNetwork<TMsg>(kept.Count == 0 ? channels.Remove(channel) : channels.SetItem(channel, ImmutableQueue.CreateRange(kept)));
    }

    public override ulong GetFingerprint()
    {
        ulong sum = 0;
        foreach (var (channel, queue) in channels)
        {
            var h = Fingerprint.Combine(channel.Src.Value, channel.Dst.Value);
            foreach (var msg in queue) h = Fingerprint.Combine(h, Fingerprint.Of(msg));
            sum += FingerprintMath.Mix(h);
        }
        return Fingerprint.Combine(0xD0_B1E_0003UL, sum);
    }
}
