namespace Stateright.Actors;

/// <summary>
/// A FIFO queue per (source, destination) channel, channels sorted by source then destination; empty
/// channels are removed so that equal contents fingerprint equally. Each channel keeps its share of the
/// fingerprint, so a step re-hashes only the channel it changed.
/// </summary>
internal sealed class OrderedNetwork<TMsg>(OrderedChannel<TMsg>[] channels, ulong sum) : Network<TMsg>
{
    public static OrderedNetwork<TMsg> Empty { get; } = new([], 0);

    public override string KindName => "ordered";
    public override IEnumerable<Envelope<TMsg>> Deliverable => channels.Select(c => c.Head.Envelope);
    public override IEnumerable<Envelope<TMsg>> All => channels.SelectMany(c => c.Messages.Select(m => new Envelope<TMsg>(c.Src, c.Dst, m)));
    public override int Count
    {
        get
        {
            var count = 0;
            foreach (var channel in channels) count += channel.Messages.Length;
            return count;
        }
    }

    internal override int DeliverableCount => channels.Length;
    internal override ActorModelAction<TMsg>.Deliver DeliverAt(int index) => channels[index].Head.Deliver;
    internal override ActorModelAction<TMsg>.Drop DropAt(int index) => channels[index].Head.Drop;

    public override Network<TMsg> Send(Envelope<TMsg> envelope)
    {
        var index = Find(envelope.Src, envelope.Dst);
        var fingerprint = Fingerprint.Of(envelope.Msg);
        if (index < 0)
        {
            var channel = OrderedChannel<TMsg>.Create(envelope.Src, envelope.Dst, envelope.Msg, fingerprint);
            var inserted = new OrderedChannel<TMsg>[channels.Length + 1];
            Array.Copy(channels, inserted, ~index);
            inserted[~index] = channel;
            Array.Copy(channels, ~index, inserted, ~index + 1, channels.Length - ~index);
            return new OrderedNetwork<TMsg>(inserted, sum + channel.Term);
        }
        var old = channels[index];
        return Replace(index, old, old.Enqueue(envelope.Msg, fingerprint));
    }

    public override Network<TMsg> OnDeliver(Envelope<TMsg> envelope) => Remove(envelope);

    public override Network<TMsg> OnDrop(Envelope<TMsg> envelope) => Remove(envelope);

    private OrderedNetwork<TMsg> Remove(Envelope<TMsg> envelope)
    {
        var index = Find(envelope.Src, envelope.Dst);
        if (index < 0) throw new InvalidOperationException($"No channel {envelope.Src} → {envelope.Dst}.");
        var channel = channels[index];
        // Remove the first message equal (by fingerprint) to the envelope's: normally the head, the very instance delivered.
        var position = !typeof(TMsg).IsValueType && ReferenceEquals(channel.Messages[0], envelope.Msg) ? 0 : channel.IndexOf(Fingerprint.Of(envelope.Msg));
        if (position < 0) throw new InvalidOperationException($"Message not in flight: {envelope}.");
        return Replace(index, channel, channel.RemoveAt(position));
    }

    private OrderedNetwork<TMsg> Replace(int index, OrderedChannel<TMsg> old, OrderedChannel<TMsg>? replacement)
    {
        OrderedChannel<TMsg>[] result;
        if (replacement is null)
        {
            result = new OrderedChannel<TMsg>[channels.Length - 1];
            Array.Copy(channels, result, index);
            Array.Copy(channels, index + 1, result, index, channels.Length - index - 1);
            return new OrderedNetwork<TMsg>(result, sum - old.Term);
        }
        result = (OrderedChannel<TMsg>[])channels.Clone();
        result[index] = replacement;
        return new OrderedNetwork<TMsg>(result, sum - old.Term + replacement.Term);
    }

    private int Find(Id src, Id dst)
    {
        int lo = 0, hi = channels.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = channels[mid].Src != src ? channels[mid].Src.CompareTo(src) : channels[mid].Dst.CompareTo(dst);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }

    private protected override ulong KindTag => TypeTag<OrderedNetwork<TMsg>>.Value;

    public override ulong GetFingerprint() => Fingerprint.Combine(0xD0_B1E_0003UL, sum);
}

/// <summary>
/// One non-empty FIFO channel: its messages with their fingerprints, its share of the network's
/// fingerprint, and its head as a flight (with the cached actions that deliver or lose it).
/// </summary>
internal sealed class OrderedChannel<TMsg>
{
    private readonly ulong[] _fingerprints;

    private OrderedChannel(Id src, Id dst, TMsg[] messages, ulong[] fingerprints)
    {
        Src = src;
        Dst = dst;
        Messages = messages;
        _fingerprints = fingerprints;
        var h = Fingerprint.Combine(src.Value, dst.Value);
        foreach (var fingerprint in fingerprints) h = Fingerprint.Combine(h, fingerprint);
        Term = FingerprintMath.Mix(h);
    }

    public static OrderedChannel<TMsg> Create(Id src, Id dst, TMsg msg, ulong fingerprint) => new(src, dst, [msg], [fingerprint]);

    public Id Src { get; }
    public Id Dst { get; }
    public TMsg[] Messages { get; }

    /// <summary>The channel's share of the network's fingerprint sum.</summary>
    public ulong Term { get; }

    // Races only create equal flights; either may win.
    private Flight<TMsg>? _head;
    public Flight<TMsg> Head => _head ??= new Flight<TMsg>(default, new Envelope<TMsg>(Src, Dst, Messages[0]));

    public OrderedChannel<TMsg> Enqueue(TMsg msg, ulong fingerprint) => new(Src, Dst, [.. Messages, msg], [.. _fingerprints, fingerprint]) { _head = _head };

    public int IndexOf(ulong fingerprint) => Array.IndexOf(_fingerprints, fingerprint);

    /// <summary>The channel without message <paramref name="position"/>; null when that leaves it empty.</summary>
    public OrderedChannel<TMsg>? RemoveAt(int position)
    {
        if (Messages.Length == 1) return null;
        return new OrderedChannel<TMsg>(Src, Dst, [.. Messages[..position], .. Messages[(position + 1)..]], [.. _fingerprints[..position], .. _fingerprints[(position + 1)..]]);
    }
}
