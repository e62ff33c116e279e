using System.Collections.Immutable;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Semantics;

namespace Stateright.Examples;

/// <summary>
/// The ABD algorithm (Attiya, Bar-Noy, Dolev): a linearizable register replicated on several servers.
/// Every read and write takes two quorum phases: query a majority for the latest (sequence, value),
/// then record the chosen (sequence, value) at a majority before answering.
/// </summary>
public static class LinearizableRegister
{
    /// <summary>A logical timestamp: a clock and the writer, ordered lexicographically.</summary>
    public readonly record struct Seq(ulong Clock, Id Writer) : IComparable<Seq>
    {
        /// <inheritdoc/>
        public int CompareTo(Seq other) => Clock != other.Clock ? Clock.CompareTo(other.Clock) : Writer.CompareTo(other.Writer);

        /// <inheritdoc/>
        public override string ToString() => $"({Clock}, {Writer})";
    }

    /// <summary>The servers' internal messages.</summary>
    public abstract record AbdMsg
    {
        /// <summary>Asks for the latest (sequence, value).</summary>
        public sealed record Query(ulong RequestId) : AbdMsg
        {
            /// <inheritdoc/>
            public override string ToString() => $"Query({RequestId})";
        }

        /// <summary>Answers a query.</summary>
        public sealed record AckQuery(ulong RequestId, Seq Seq, char Value) : AbdMsg
        {
            /// <inheritdoc/>
            public override string ToString() => $"AckQuery({RequestId}, {Seq}, {ValueText(Value)})";
        }

        /// <summary>Asks to record a (sequence, value).</summary>
        public sealed record Record(ulong RequestId, Seq Seq, char Value) : AbdMsg
        {
            /// <inheritdoc/>
            public override string ToString() => $"Record({RequestId}, {Seq}, {ValueText(Value)})";
        }

        /// <summary>Acknowledges a record.</summary>
        public sealed record AckRecord(ulong RequestId) : AbdMsg
        {
            /// <inheritdoc/>
            public override string ToString() => $"AckRecord({RequestId})";
        }

        private static string ValueText(char value) => value == '\0' ? @"'\0'" : $"'{value}'";
    }

    /// <summary>The phase of the operation a server is coordinating.</summary>
    public abstract record AbdPhase
    {
        /// <summary>Collecting query answers; <c>Write</c> is the value to write, or null for a read.</summary>
        public sealed record Phase1(ulong RequestId, Id Requester, char? Write, ImmutableDictionary<Id, (Seq Seq, char Value)> Responses) : AbdPhase;

        /// <summary>Collecting record acknowledgements; <c>Read</c> is the value read, or null for a write.</summary>
        public sealed record Phase2(ulong RequestId, Id Requester, char? Read, ImmutableHashSet<Id> Acks) : AbdPhase;
    }

    /// <summary>A server's state: its latest (sequence, value) and the operation it coordinates, if any.</summary>
    public sealed record AbdState(Seq Seq, char Value, AbdPhase? Phase)
    {
        /// <inheritdoc/>
        public override string ToString() => $"AbdState {{ seq: {Seq}, val: {(Value == '\0' ? @"'\0'" : $"'{Value}'")}, phase: {Phase?.GetType().Name ?? "None"} }}";
    }

    /// <summary>An ABD server.</summary>
    public sealed class Server(IReadOnlyList<Id> peers) : Actor<RegisterMsg<ulong, char, AbdMsg>, AbdState>
    {
        private int Majority => (peers.Count + 1) / 2 + 1;

        /// <inheritdoc/>
        public override AbdState OnStart(Id id, Out<RegisterMsg<ulong, char, AbdMsg>> o) => new(new Seq(0, id), '\0', null);

        /// <inheritdoc/>
        public override void OnMsg(Id id, ref Cow<AbdState> cell, Id src, RegisterMsg<ulong, char, AbdMsg> msg, Out<RegisterMsg<ulong, char, AbdMsg>> o)
        {
            var state = cell.Value;
            switch (msg)
            {
                case RegisterMsg<ulong, char, AbdMsg>.Put put when state.Phase is null:
                    o.Broadcast(peers, Internal(new AbdMsg.Query(put.RequestId)));
                    cell.Value = state with { Phase = new AbdPhase.Phase1(put.RequestId, src, put.Value, ImmutableDictionary<Id, (Seq, char)>.Empty.Add(id, (state.Seq, state.Value))) };
                    break;
                case RegisterMsg<ulong, char, AbdMsg>.Get get when state.Phase is null:
                    o.Broadcast(peers, Internal(new AbdMsg.Query(get.RequestId)));
                    cell.Value = state with { Phase = new AbdPhase.Phase1(get.RequestId, src, null, ImmutableDictionary<Id, (Seq, char)>.Empty.Add(id, (state.Seq, state.Value))) };
                    break;
                case RegisterMsg<ulong, char, AbdMsg>.Internal { Msg: AbdMsg.Query query }:
                    o.Send(src, Internal(new AbdMsg.AckQuery(query.RequestId, state.Seq, state.Value)));
                    break;
                case RegisterMsg<ulong, char, AbdMsg>.Internal { Msg: AbdMsg.AckQuery ack } when state.Phase is AbdPhase.Phase1 phase1 && phase1.RequestId == ack.RequestId:
                {
                    var responses = phase1.Responses.SetItem(src, (ack.Seq, ack.Value));
                    if (responses.Count != Majority)
                    {
                        cell.Value = state with { Phase = phase1 with { Responses = responses } };
                        break;
                    }
                    var latest = responses.Values.MaxBy(r => r.Seq);
                    var (seq, value, read) = phase1.Write is { } write
                        ? (new Seq(latest.Seq.Clock + 1, id), write, (char?)null)
                        : (latest.Seq, latest.Value, latest.Value);
                    o.Broadcast(peers, Internal(new AbdMsg.Record(phase1.RequestId, seq, value)));
                    var next = seq.CompareTo(state.Seq) > 0 ? state with { Seq = seq, Value = value } : state;
                    cell.Value = next with { Phase = new AbdPhase.Phase2(phase1.RequestId, phase1.Requester, read, [id]) };
                    break;
                }
                case RegisterMsg<ulong, char, AbdMsg>.Internal { Msg: AbdMsg.Record record }:
                    o.Send(src, Internal(new AbdMsg.AckRecord(record.RequestId)));
                    if (record.Seq.CompareTo(state.Seq) > 0) cell.Value = state with { Seq = record.Seq, Value = record.Value };
                    break;
                case RegisterMsg<ulong, char, AbdMsg>.Internal { Msg: AbdMsg.AckRecord ack } when state.Phase is AbdPhase.Phase2 phase2 && phase2.RequestId == ack.RequestId && !phase2.Acks.Contains(src):
                {
                    var acks = phase2.Acks.Add(src);
                    if (acks.Count != Majority)
                    {
                        cell.Value = state with { Phase = phase2 with { Acks = acks } };
                        break;
                    }
                    o.Send(phase2.Requester, phase2.Read is { } value
                        ? new RegisterMsg<ulong, char, AbdMsg>.GetOk(phase2.RequestId, value)
                        : new RegisterMsg<ulong, char, AbdMsg>.PutOk(phase2.RequestId));
                    cell.Value = state with { Phase = null };
                    break;
                }
            }
        }

        private static RegisterMsg<ulong, char, AbdMsg> Internal(AbdMsg msg) => new RegisterMsg<ulong, char, AbdMsg>.Internal(msg);
    }

    /// <summary>
    /// <paramref name="serverCount"/> ABD servers, then <paramref name="clientCount"/> clients that each put
    /// once then get; properties "linearizable" (Always) and "value chosen" (Sometimes).
    /// With <paramref name="interchangeableClients"/>, the clients do not depend on their ids (each
    /// writes 'A', and sends its put to server 0 and its get to server 1 % servers) and the model
    /// declares them symmetric, for checking with symmetry reduction.
    /// </summary>
    public static ActorModel<RegisterMsg<ulong, char, AbdMsg>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>> Model(
        int clientCount, int serverCount, NetworkKind network = NetworkKind.UnorderedNonDuplicating, bool interchangeableClients = false)
    {
        var model = new ActorModel<RegisterMsg<ulong, char, AbdMsg>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>>(new(new Register<char>('\0')));
        for (var i = 0; i < serverCount; i++) model.Actor(new Server(ModelHelpers.ModelPeers(i, serverCount)));
        for (var i = 0; i < clientCount; i++)
            model.Actor(interchangeableClients ? RegisterActor.InterchangeableClient<AbdMsg>(putCount: 1, serverCount) : RegisterActor.Client<AbdMsg>(putCount: 1, serverCount));
        if (interchangeableClients && clientCount >= 2) model.Symmetric(Id.Range(serverCount, clientCount));
        return model
            .InitNetwork(network)
            .Property(Expectation.Always, "linearizable", s => s.History.SerializedHistory() is not null)
            .Property(Expectation.Sometimes, "value chosen", s => s.Network.Deliverable.Any(e => e.Msg is RegisterMsg<ulong, char, AbdMsg>.GetOk { Value: not '\0' }))
            .RecordMsgIn(RegisterHistory.RecordReturns)
            .RecordMsgOut(RegisterHistory.RecordInvocations);
    }
}
