using System.Collections.Immutable;
using Stateright.Actors;

namespace Stateright.Distributed.Binary;

/// <summary>
/// An actor system's state: its seven parts, each by its declared type (so every actor state, timer,
/// storage and message carries its runtime type), rebuilt with the public constructor. A successor whose
/// parts are still pending (see <c>ActorModelState.Pending</c>) is built first.
/// </summary>
internal sealed class ActorModelStateShape<TMsg, THistory> : Shape
{
    public override void Write(Encoder encoder, object value)
    {
        var state = (ActorModelState<TMsg, THistory>)value;
        state.Complete();
        encoder.Value(typeof(ImmutableArray<object>), state.ActorStates);
        encoder.Value(typeof(Network<TMsg>), state.Network);
        encoder.Value(typeof(ImmutableArray<ImmutableHashSet<object>>), state.Timers);
        encoder.Value(typeof(ImmutableArray<ImmutableDictionary<string, ImmutableArray<object>>>), state.RandomChoices);
        encoder.Value(typeof(ImmutableArray<bool>), state.Crashed);
        encoder.Value(typeof(ImmutableArray<object?>), state.Storages);
        encoder.Value(typeof(THistory), state.History);
    }

    public override object Read(ref Decoder decoder)
    {
        var actorStates = (ImmutableArray<object>)decoder.Value(typeof(ImmutableArray<object>))!;
        var network = (Network<TMsg>)decoder.Value(typeof(Network<TMsg>))!;
        var timers = (ImmutableArray<ImmutableHashSet<object>>)decoder.Value(typeof(ImmutableArray<ImmutableHashSet<object>>))!;
        var randomChoices = (ImmutableArray<ImmutableDictionary<string, ImmutableArray<object>>>)decoder.Value(typeof(ImmutableArray<ImmutableDictionary<string, ImmutableArray<object>>>))!;
        var crashed = (ImmutableArray<bool>)decoder.Value(typeof(ImmutableArray<bool>))!;
        var storages = (ImmutableArray<object?>)decoder.Value(typeof(ImmutableArray<object?>))!;
        var history = (THistory)decoder.Value(typeof(THistory))!;
        return new ActorModelState<TMsg, THistory>(actorStates, network, timers, randomChoices, crashed, storages, history);
    }
}

/// <summary>
/// A network: its kind, every envelope in flight (an ordered network's channel by channel, oldest first;
/// a non-duplicating one's once per copy) and, for an unordered duplicating network, the last envelope
/// delivered (part of its fingerprint). Rebuilt by sending the envelopes again, in that order.
/// </summary>
internal sealed class NetworkShape<TMsg> : Shape
{
    private const byte Ordered = 0, Duplicating = 1, NonDuplicating = 2;

    public override void Write(Encoder encoder, object value)
    {
        var network = (Network<TMsg>)value;
        encoder.Wire.Byte(network switch
        {
            OrderedNetwork<TMsg> => Ordered,
            UnorderedDuplicatingNetwork<TMsg> => Duplicating,
            UnorderedNonDuplicatingNetwork<TMsg> => NonDuplicating,
            _ => throw new NotSupportedException($"The binary codec does not know the network kind {network.KindName}."),
        });
        encoder.Wire.VarUInt((ulong)network.Count);
        foreach (var envelope in network.All) WriteEnvelope(encoder, envelope);
        if (network is UnorderedDuplicatingNetwork<TMsg> duplicating)
        {
            var last = duplicating.LastDelivered;
            encoder.Wire.Byte(last is null ? (byte)0 : (byte)1);
            if (last is { } envelope) WriteEnvelope(encoder, envelope);
        }
    }

    public override object Read(ref Decoder decoder)
    {
        var kind = decoder.Wire.Byte() switch
        {
            Ordered => NetworkKind.Ordered,
            Duplicating => NetworkKind.UnorderedDuplicating,
            NonDuplicating => NetworkKind.UnorderedNonDuplicating,
            _ => throw new FormatException("The state's bytes name an unknown network kind."),
        };
        var network = Network<TMsg>.Of(kind);
        var count = decoder.Wire.Count();
        for (var i = 0; i < count; i++) network = network.Send(ReadEnvelope(ref decoder));
        if (kind == NetworkKind.UnorderedDuplicating && decoder.Wire.Byte() != 0) network = network.OnDeliver(ReadEnvelope(ref decoder));
        return network;
    }

    private static void WriteEnvelope(Encoder encoder, Envelope<TMsg> envelope)
    {
        encoder.Wire.VarUInt(envelope.Src.Value);
        encoder.Wire.VarUInt(envelope.Dst.Value);
        encoder.Value(typeof(TMsg), envelope.Msg);
    }

    private static Envelope<TMsg> ReadEnvelope(ref Decoder decoder)
    {
        var src = new Id(decoder.Wire.VarUInt());
        var dst = new Id(decoder.Wire.VarUInt());
        return new Envelope<TMsg>(src, dst, (TMsg)decoder.Value(typeof(TMsg))!);
    }
}
