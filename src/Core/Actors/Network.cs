namespace Stateright.Actors;

/// <summary>
/// The messages in flight, with the delivery semantics of a kind of network. Immutable: every
/// operation returns a new network. Envelopes are identified by fingerprint, so messages holding
/// immutable collections behave as values.
/// </summary>
/// <typeparam name="TMsg">The message type.</typeparam>
public abstract class Network<TMsg> : IFingerprintable, IRewritable<Network<TMsg>>
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

    /// <summary>
    /// The network after one step of actor <paramref name="src"/>: <paramref name="delivered"/> delivered
    /// (when the step is a delivery), then each send among <paramref name="entries"/>, in order. The same
    /// network as <see cref="OnDeliver"/> followed by one <see cref="Send"/> per message; the unordered
    /// networks build it in one go, so a step that sends two messages makes one network, not three.
    /// </summary>
    /// <remarks>
    /// <paramref name="sendFingerprints"/>: the fingerprints of the sent envelopes, in order, if known
    /// (from <see cref="TryStepFingerprint"/>); empty to compute them.
    /// </remarks>
    internal virtual Network<TMsg> Step(Envelope<TMsg>? delivered, Id src, ReadOnlySpan<Out<TMsg>.Entry> entries, ReadOnlySpan<ulong> sendFingerprints = default)
    {
        var network = delivered is { } envelope ? OnDeliver(envelope) : this;
        foreach (ref readonly var entry in entries)
            if (entry.Other is null) network = network.Send(new Envelope<TMsg>(src, entry.Destination, entry.Msg));
        return network;
    }

    /// <summary>
    /// The fingerprint (<see cref="GetFingerprint"/>) of the network <see cref="Step"/> would build, computed
    /// without building it: most successors of an actor state have been seen before, and are dropped as
    /// soon as their fingerprint is known. <paramref name="sendFingerprints"/> receives each sent envelope's
    /// fingerprint, for the step to reuse. False if this kind cannot tell (the step is then built).
    /// </summary>
    internal virtual bool TryStepFingerprint(Envelope<TMsg>? delivered, ReadOnlySpan<Out<TMsg>.Entry> entries, Id src, Span<ulong> sendFingerprints, out ulong fingerprint)
    {
        fingerprint = 0;
        return false;
    }

    /// <summary>The number of sends among a step's commands.</summary>
    private protected static int SendCount(ReadOnlySpan<Out<TMsg>.Entry> entries)
    {
        var count = 0;
        foreach (ref readonly var entry in entries) if (entry.Other is null) count++;
        return count;
    }

    /// <summary>The number of envelopes <see cref="Deliverable"/> lists, for the model's loop over them.</summary>
    internal abstract int DeliverableCount { get; }

    /// <summary>The action delivering deliverable envelope <paramref name="index"/>; made once per envelope in flight and shared by every state that holds it.</summary>
    internal abstract ActorModelAction<TMsg>.Deliver DeliverAt(int index);

    /// <summary>The action losing deliverable envelope <paramref name="index"/>, shared like <see cref="DeliverAt"/>.</summary>
    internal abstract ActorModelAction<TMsg>.Drop DropAt(int index);

    /// <inheritdoc/>
    public abstract ulong GetFingerprint();

    // Zero until computed; written once with the value every thread computes.
    private ulong _fieldFingerprint;

    /// <summary>
    /// The network's fingerprint as a field typed <see cref="Network{TMsg}"/> contributes it to a state's
    /// (tagged with the kind's type name), computed once per network: states that share a network share it.
    /// </summary>
    internal ulong FieldFingerprint
    {
        get
        {
            var h = _fieldFingerprint;
            return h != 0 ? h : _fieldFingerprint = Fingerprinter<Network<TMsg>>.Compute(this);
        }
    }

    /// <summary>
    /// The <see cref="FieldFingerprint"/> of a network of this one's kind whose own fingerprint is
    /// <paramref name="fingerprint"/>: a field typed <see cref="Network{TMsg}"/> holding an
    /// <see cref="IFingerprintable"/> contributes its runtime type's tag combined with its fingerprint.
    /// </summary>
    internal ulong FieldFingerprintOf(ulong fingerprint) => FingerprintMath.Combine(KindTag, fingerprint);

    /// <summary>The tag of this network's runtime type, as the structural walk computes it.</summary>
    private protected abstract ulong KindTag { get; }

    /// <summary>Sets the cached <see cref="FieldFingerprint"/> of a network built for a state whose fingerprint already counted it.</summary>
    internal void KnowFieldFingerprint(ulong fieldFingerprint) => _fieldFingerprint = fieldFingerprint;

    /// <summary>The network with the actors renamed in every envelope (kind, counts and order kept).</summary>
    public Network<TMsg> Rewrite(IdPermutation permutation) => NetworkRewriting.Rewrite(this, permutation);

    /// <summary>A network in which a message can be delivered any number of times, in any order (the default, as in the Rust library).</summary>
    public static Network<TMsg> UnorderedDuplicating(params IEnumerable<Envelope<TMsg>> envelopes) =>
        Fill(UnorderedDuplicatingNetwork<TMsg>.Empty, envelopes);

    /// <summary>A network in which each message is delivered at most once, in any order.</summary>
    public static Network<TMsg> UnorderedNonDuplicating(params IEnumerable<Envelope<TMsg>> envelopes) =>
        Fill(UnorderedNonDuplicatingNetwork<TMsg>.Empty, envelopes);

    /// <summary>A network with a FIFO channel per (source, destination) pair, each message delivered once.</summary>
    public static Network<TMsg> Ordered(params IEnumerable<Envelope<TMsg>> envelopes) =>
        Fill(OrderedNetwork<TMsg>.Empty, envelopes);

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

    /// <summary>The key of a step's send #<paramref name="index"/>: its fingerprint from <paramref name="known"/> if there, else computed.</summary>
    public static EnvelopeKey Of<TMsg>(Envelope<TMsg> envelope, ReadOnlySpan<ulong> known, int index) =>
        index < known.Length ? new(envelope.Src, envelope.Dst, known[index]) : Of(envelope);

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
