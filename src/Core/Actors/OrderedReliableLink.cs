using System.Collections.Immutable;

namespace Stateright.Actors;

/// <summary>
/// Wraps an actor so that its messages to each peer are delivered once and in order over an
/// unreliable network: each message carries a sequence number, is resent on a timer until
/// acknowledged, and duplicates are dropped by the receiver. (<see cref="NetworkKind.Ordered"/>
/// approximates this more cheaply as long as actors do not restart.)
/// </summary>
public static class OrderedReliableLink
{
    /// <summary>Wraps <paramref name="actor"/>, resending unacknowledged messages every 1–2 seconds.</summary>
    public static ReliableLinkActor<TMsg> Wrap<TMsg>(IActor<TMsg> actor) => new(actor, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

    /// <summary>Wraps <paramref name="actor"/>, resending unacknowledged messages every <paramref name="resendMin"/>–<paramref name="resendMax"/>.</summary>
    public static ReliableLinkActor<TMsg> Wrap<TMsg>(IActor<TMsg> actor, TimeSpan resendMin, TimeSpan resendMax) => new(actor, resendMin, resendMax);
}

/// <summary>The wire messages of <see cref="OrderedReliableLink"/>.</summary>
public abstract record LinkMsg<TMsg>
{
    private LinkMsg() { }

    /// <summary>A wrapped message with its sequence number.</summary>
    public sealed record Deliver(ulong Seq, TMsg Msg) : LinkMsg<TMsg>
    {
        /// <inheritdoc/>
        public override string ToString() => $"Deliver({Seq}, {Msg})";
    }

    /// <summary>Acknowledges a sequence number.</summary>
    public sealed record Ack(ulong Seq) : LinkMsg<TMsg>
    {
        /// <inheritdoc/>
        public override string ToString() => $"Ack({Seq})";
    }
}

/// <summary>The timers of <see cref="OrderedReliableLink"/>: the resend timer, or one of the wrapped actor's.</summary>
public abstract record LinkTimer
{
    private LinkTimer() { }

    /// <summary>Time to resend unacknowledged messages.</summary>
    public sealed record Resend : LinkTimer
    {
        /// <summary>The only value.</summary>
        public static Resend Instance { get; } = new();

        /// <inheritdoc/>
        public override string ToString() => "Resend";
    }

    /// <summary>A timer of the wrapped actor.</summary>
    public sealed record User(object Timer) : LinkTimer
    {
        /// <inheritdoc/>
        public override string ToString() => $"User({Timer})";
    }
}

/// <summary>The state of a wrapped actor: sequencing on both sides, plus the wrapped actor's state and storage.</summary>
public sealed record LinkState<TMsg>(
    ulong NextSendSeq,
    ImmutableDictionary<ulong, Envelope<TMsg>> PendingAck,
    ImmutableDictionary<Id, ulong> LastDelivered,
    object WrappedState,
    object? WrappedStorage)
{
    /// <inheritdoc/>
    public override string ToString() => $"{WrappedState} (next seq {NextSendSeq}, {PendingAck.Count} unacked)";
}

/// <summary>The durable part of <see cref="LinkState{TMsg}"/>.</summary>
public sealed record LinkStorage<TMsg>(ulong NextSendSeq, ImmutableDictionary<ulong, Envelope<TMsg>> PendingAck, ImmutableDictionary<Id, ulong> LastDelivered, object? WrappedStorage);

/// <summary>An actor wrapped by <see cref="OrderedReliableLink"/>.</summary>
public sealed class ReliableLinkActor<TMsg>(IActor<TMsg> wrapped, TimeSpan resendMin, TimeSpan resendMax) : IActor<LinkMsg<TMsg>>
{
    /// <summary>The wrapped actor.</summary>
    public IActor<TMsg> Wrapped { get; } = wrapped;

    /// <inheritdoc/>
    public string Name => Wrapped.Name;

    /// <inheritdoc/>
    public object OnStart(Id id, object? storage, Out<LinkMsg<TMsg>> o)
    {
        o.SetTimer(LinkTimer.Resend.Instance, resendMin, resendMax);
        var saved = storage as LinkStorage<TMsg>;
        var inner = new Out<TMsg>();
        var state = new LinkState<TMsg>(
            saved?.NextSendSeq ?? 1,
            saved?.PendingAck ?? ImmutableDictionary<ulong, Envelope<TMsg>>.Empty,
            saved?.LastDelivered ?? ImmutableDictionary<Id, ulong>.Empty,
            Wrapped.OnStart(id, saved?.WrappedStorage, inner),
            saved?.WrappedStorage);
        return Forward(id, state, inner, o);
    }

    /// <inheritdoc/>
    public object OnMsg(Id id, object state, Id src, LinkMsg<TMsg> msg, Out<LinkMsg<TMsg>> o, out bool changed)
    {
        var current = (LinkState<TMsg>)state;
        LinkState<TMsg> next;
        switch (msg)
        {
            case LinkMsg<TMsg>.Deliver(var seq, var inner):
                // Always acknowledge, so the sender stops resending; deliver only what is new.
                o.Send(src, new LinkMsg<TMsg>.Ack(seq));
                if (seq <= current.LastDelivered.GetValueOrDefault(src))
                {
                    changed = false;
                    return state;
                }
                var innerOut = new Out<TMsg>();
                var wrappedState = Wrapped.OnMsg(id, current.WrappedState, src, inner, innerOut, out var wrappedChanged);
                if (!wrappedChanged && innerOut.Count == 0)
                {
                    changed = false;
                    return state;
                }
                next = Forward(id, current with { WrappedState = wrappedState, LastDelivered = current.LastDelivered.SetItem(src, seq) }, innerOut, o);
                break;
            case LinkMsg<TMsg>.Ack(var seq):
                next = current with { PendingAck = current.PendingAck.Remove(seq) };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(msg));
        }
        o.Save(new LinkStorage<TMsg>(next.NextSendSeq, next.PendingAck, next.LastDelivered, next.WrappedStorage));
        changed = true;
        return next;
    }

    /// <inheritdoc/>
    public object OnTimeout(Id id, object state, object timer, Out<LinkMsg<TMsg>> o, out bool changed)
    {
        var current = (LinkState<TMsg>)state;
        changed = false;
        switch (timer)
        {
            case LinkTimer.Resend:
                o.SetTimer(LinkTimer.Resend.Instance, resendMin, resendMax);
                foreach (var (seq, envelope) in current.PendingAck.OrderBy(p => p.Key))
                    o.Send(envelope.Dst, new LinkMsg<TMsg>.Deliver(seq, envelope.Msg));
                return state;
            case LinkTimer.User(var userTimer):
                var inner = new Out<TMsg>();
                var wrappedState = Wrapped.OnTimeout(id, current.WrappedState, userTimer, inner, out var wrappedChanged);
                if (!wrappedChanged && inner.Count == 0) return state;
                changed = true;
                return Forward(id, current with { WrappedState = wrappedState }, inner, o);
            default:
                throw new ArgumentOutOfRangeException(nameof(timer));
        }
    }

    /// <inheritdoc/>
    public object OnRandom(Id id, object state, object random, Out<LinkMsg<TMsg>> o, out bool changed) =>
        throw new NotSupportedException("Random choices are not supported through an ordered reliable link.");

    /// <summary>Translates the wrapped actor's outputs: sends get sequence numbers and await acks; timers are wrapped.</summary>
    private static LinkState<TMsg> Forward(Id id, LinkState<TMsg> state, Out<TMsg> inner, Out<LinkMsg<TMsg>> o)
    {
        var save = false;
        foreach (var command in inner.Commands)
        {
            switch (command)
            {
                case Command<TMsg>.Send(var dst, var msg):
                    o.Send(dst, new LinkMsg<TMsg>.Deliver(state.NextSendSeq, msg));
                    state = state with
                    {
                        PendingAck = state.PendingAck.SetItem(state.NextSendSeq, new Envelope<TMsg>(id, dst, msg)),
                        NextSendSeq = state.NextSendSeq + 1,
                    };
                    save = true;
                    break;
                case Command<TMsg>.SetTimer set:
                    o.SetTimer(new LinkTimer.User(set.Timer), set.Min, set.Max);
                    break;
                case Command<TMsg>.CancelTimer cancel:
                    o.CancelTimer(new LinkTimer.User(cancel.Timer));
                    break;
                case Command<TMsg>.Save(var storage):
                    state = state with { WrappedStorage = storage };
                    save = true;
                    break;
                case Command<TMsg>.ChooseRandom:
                    throw new NotSupportedException("Random choices are not supported through an ordered reliable link.");
            }
        }
        if (save) o.Save(new LinkStorage<TMsg>(state.NextSendSeq, state.PendingAck, state.LastDelivered, state.WrappedStorage));
        return state;
    }
}
