namespace Stateright.Actors;

/// <summary>What can happen next in an actor system.</summary>
/// <typeparam name="TMsg">The message type.</typeparam>
public abstract record ActorModelAction<TMsg>
{
    private ActorModelAction() { }

    /// <summary>The order of the kinds of action (drops first, as in the Rust library).</summary>
    internal abstract int KindOrder { get; }

    /// <summary>The network delivers <c>Msg</c> from <c>Src</c> to <c>Dst</c>.</summary>
    public sealed record Deliver(Id Src, Id Dst, TMsg Msg) : ActorModelAction<TMsg>
    {
        internal override int KindOrder => 1;
        /// <inheritdoc/>
        public override string ToString() => $"{Src} → {Msg} → {Dst}";
    }

    /// <summary>The network loses an envelope (only on a lossy network).</summary>
    public sealed record Drop(Envelope<TMsg> Envelope) : ActorModelAction<TMsg>
    {
        internal override int KindOrder => 0;
        /// <inheritdoc/>
        public override string ToString() => $"Drop({Envelope})";
    }

    /// <summary>A timer of <c>Actor</c> fires.</summary>
    public sealed record Timeout(Id Actor, object Timer) : ActorModelAction<TMsg>
    {
        internal override int KindOrder => 2;
        /// <inheritdoc/>
        public override string ToString() => $"Timeout({Actor}, {Timer})";
    }

    /// <summary><c>Actor</c> crashes, losing its volatile state and timers.</summary>
    public sealed record Crash(Id Actor) : ActorModelAction<TMsg>
    {
        internal override int KindOrder => 3;
        /// <inheritdoc/>
        public override string ToString() => $"Crash({Actor})";
    }

    /// <summary><c>Actor</c> restarts from its saved storage.</summary>
    public sealed record Recover(Id Actor) : ActorModelAction<TMsg>
    {
        internal override int KindOrder => 4;
        /// <inheritdoc/>
        public override string ToString() => $"Recover({Actor})";
    }

    /// <summary>The environment picks <c>Random</c> for <c>Actor</c>'s pending choice <c>Key</c>.</summary>
    public sealed record SelectRandom(Id Actor, string Key, object Random) : ActorModelAction<TMsg>
    {
        internal override int KindOrder => 5;
        /// <inheritdoc/>
        public override string ToString() => $"{Actor} select random {Random}";
    }

    /// <summary>The fixed order in which actions are listed: by kind, then by their fields.</summary>
    internal static int Compare(ActorModelAction<TMsg> a, ActorModelAction<TMsg> b)
    {
        var byKind = a.KindOrder.CompareTo(b.KindOrder);
        if (byKind != 0) return byKind;
        return (a, b) switch
        {
            (Deliver x, Deliver y) => Chain(x.Src.CompareTo(y.Src), x.Dst.CompareTo(y.Dst), () => ValueOrder.Compare(x.Msg, y.Msg)),
            (Drop x, Drop y) => Chain(x.Envelope.Src.CompareTo(y.Envelope.Src), x.Envelope.Dst.CompareTo(y.Envelope.Dst), () => ValueOrder.Compare(x.Envelope.Msg, y.Envelope.Msg)),
            (Timeout x, Timeout y) => Chain(x.Actor.CompareTo(y.Actor), 0, () => ValueOrder.Compare(x.Timer, y.Timer)),
            (Crash x, Crash y) => x.Actor.CompareTo(y.Actor),
            (Recover x, Recover y) => x.Actor.CompareTo(y.Actor),
            (SelectRandom x, SelectRandom y) => Chain(x.Actor.CompareTo(y.Actor), string.CompareOrdinal(x.Key, y.Key), () => ValueOrder.Compare(x.Random, y.Random)),
            _ => 0,
        };
    }

    private static int Chain(int first, int second, Func<int> third) => first != 0 ? first : second != 0 ? second : third();
}
