using System.Collections.Immutable;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Semantics;

namespace Stateright.Examples;

/// <summary>
/// Single-decree Paxos as a replicated register: clients <c>Put</c> a value to any server, which
/// proposes it in a ballot (prepare / prepared, accept / accepted with a majority), decides, and
/// answers; later <c>Get</c>s return the decided value.
/// </summary>
public static class Paxos
{
    /// <summary>A ballot: a round number and the leader that started it, ordered lexicographically.</summary>
    public readonly record struct Ballot(uint Round, Id Leader) : IComparable<Ballot>
    {
        /// <inheritdoc/>
        public int CompareTo(Ballot other) => Round != other.Round ? Round.CompareTo(other.Round) : Leader.CompareTo(other.Leader);

        /// <summary>Lexicographic comparison.</summary>
        public static bool operator <(Ballot a, Ballot b) => a.CompareTo(b) < 0;
        /// <summary>Lexicographic comparison.</summary>
        public static bool operator >(Ballot a, Ballot b) => a.CompareTo(b) > 0;
        /// <summary>Lexicographic comparison.</summary>
        public static bool operator <=(Ballot a, Ballot b) => a.CompareTo(b) <= 0;
        /// <summary>Lexicographic comparison.</summary>
        public static bool operator >=(Ballot a, Ballot b) => a.CompareTo(b) >= 0;

        /// <inheritdoc/>
        public override string ToString() => $"({Round}, {Leader})";
    }

    /// <summary>A proposal: the client's request id, the client, and the value.</summary>
    public readonly record struct Proposal(ulong RequestId, Id Requester, char Value) : IComparable<Proposal>
    {
        /// <inheritdoc/>
        public int CompareTo(Proposal other) =>
            RequestId != other.RequestId ? RequestId.CompareTo(other.RequestId)
            : Requester != other.Requester ? Requester.CompareTo(other.Requester)
            : Value.CompareTo(other.Value);

        /// <inheritdoc/>
        public override string ToString() => $"({RequestId}, {Requester}, '{Value}')";
    }

    /// <summary>A proposal accepted in a ballot.</summary>
    public readonly record struct AcceptedProposal(Ballot Ballot, Proposal Proposal) : IComparable<AcceptedProposal>
    {
        /// <inheritdoc/>
        public int CompareTo(AcceptedProposal other) => Ballot != other.Ballot ? Ballot.CompareTo(other.Ballot) : Proposal.CompareTo(other.Proposal);

        /// <inheritdoc/>
        public override string ToString() => $"({Ballot}, {Proposal})";
    }

    /// <summary>The servers' internal messages.</summary>
    public abstract record PaxosMsg
    {
        /// <summary>Phase 1a.</summary>
        public sealed record Prepare(Ballot Ballot) : PaxosMsg
        {
            /// <inheritdoc/>
            public override string ToString() => $"Prepare {{ ballot: {Ballot} }}";
        }
        /// <summary>Phase 1b, with the last proposal the sender accepted, if any.</summary>
        public sealed record Prepared(Ballot Ballot, AcceptedProposal? LastAccepted) : PaxosMsg
        {
            /// <inheritdoc/>
            public override string ToString() => $"Prepared {{ ballot: {Ballot}, last_accepted: {(LastAccepted is { } a ? a.ToString() : "None")} }}";
        }
        /// <summary>Phase 2a.</summary>
        public sealed record Accept(Ballot Ballot, Proposal Proposal) : PaxosMsg
        {
            /// <inheritdoc/>
            public override string ToString() => $"Accept {{ ballot: {Ballot}, proposal: {Proposal} }}";
        }
        /// <summary>Phase 2b.</summary>
        public sealed record Accepted(Ballot Ballot) : PaxosMsg
        {
            /// <inheritdoc/>
            public override string ToString() => $"Accepted {{ ballot: {Ballot} }}";
        }
        /// <summary>The leader tells the others the decision.</summary>
        public sealed record Decided(Ballot Ballot, Proposal Proposal) : PaxosMsg
        {
            /// <inheritdoc/>
            public override string ToString() => $"Decided {{ ballot: {Ballot}, proposal: {Proposal} }}";
        }
    }

    /// <summary>A server's state.</summary>
    public sealed record PaxosState(
        Ballot Ballot,
        Proposal? Proposal,
        ImmutableDictionary<Id, AcceptedProposal?> Prepares,
        ImmutableHashSet<Id> Accepts,
        AcceptedProposal? Accepted,
        bool IsDecided)
    {
        /// <inheritdoc/>
        public override string ToString() =>
            $"PaxosState {{ ballot: {Ballot}, proposal: {(Proposal is { } p ? p.ToString() : "None")}, prepares: {Prepares.Count}, accepts: {Accepts.Count}, accepted: {(Accepted is { } a ? a.ToString() : "None")}, decided: {IsDecided} }}";
    }

    /// <summary>A Paxos server.</summary>
    public sealed class Server(IReadOnlyList<Id> peers) : Actor<RegisterMsg<ulong, char, PaxosMsg>, PaxosState>
    {
        private int Majority => (peers.Count + 1) / 2 + 1;

        /// <inheritdoc/>
        public override string Name => "Paxos Server";

        /// <inheritdoc/>
        public override PaxosState OnStart(Id id, Out<RegisterMsg<ulong, char, PaxosMsg>> o) =>
            new(new Ballot(0, 0), null, ImmutableDictionary<Id, AcceptedProposal?>.Empty, [], null, false);

        /// <inheritdoc/>
        public override void OnMsg(Id id, ref Cow<PaxosState> cell, Id src, RegisterMsg<ulong, char, PaxosMsg> msg, Out<RegisterMsg<ulong, char, PaxosMsg>> o)
        {
            var state = cell.Value;
            if (state.IsDecided)
            {
                if (msg is RegisterMsg<ulong, char, PaxosMsg>.Get get)
                {
                    var accepted = state.Accepted ?? throw new InvalidOperationException("Decided but lacks an accepted proposal.");
                    o.Send(src, new RegisterMsg<ulong, char, PaxosMsg>.GetOk(get.RequestId, accepted.Proposal.Value));
                }
                return;
            }
            switch (msg)
            {
                case RegisterMsg<ulong, char, PaxosMsg>.Put put when state.Proposal is null:
                {
                    var ballot = new Ballot(state.Ballot.Round + 1, id);
                    cell.Value = state with
                    {
                        Proposal = new Proposal(put.RequestId, src, put.Value),
                        Prepares = ImmutableDictionary<Id, AcceptedProposal?>.Empty.Add(id, state.Accepted),
                        Accepts = [],
                        Ballot = ballot,
                    };
                    o.Broadcast(peers, Internal(new PaxosMsg.Prepare(ballot)));
                    break;
                }
                case RegisterMsg<ulong, char, PaxosMsg>.Internal { Msg: PaxosMsg.Prepare prepare } when state.Ballot < prepare.Ballot:
                    cell.Value = state with { Ballot = prepare.Ballot };
                    o.Send(src, Internal(new PaxosMsg.Prepared(prepare.Ballot, state.Accepted)));
                    break;
                case RegisterMsg<ulong, char, PaxosMsg>.Internal { Msg: PaxosMsg.Prepared prepared } when prepared.Ballot == state.Ballot:
                {
                    var prepares = state.Prepares.SetItem(src, prepared.LastAccepted);
                    var next = state with { Prepares = prepares };
                    if (prepares.Count == Majority)
                    {
                        // Adopt the proposal accepted in the highest ballot, if any, else our own.
                        AcceptedProposal? highest = null;
                        foreach (var candidate in prepares.Values)
                            if (candidate is { } c && (highest is not { } h || c.CompareTo(h) > 0)) highest = c;
                        var proposal = highest?.Proposal ?? state.Proposal ?? throw new InvalidOperationException("A proposal is expected.");
                        next = next with { Proposal = proposal, Accepted = new AcceptedProposal(prepared.Ballot, proposal), Accepts = next.Accepts.Add(id) };
                        o.Broadcast(peers, Internal(new PaxosMsg.Accept(prepared.Ballot, proposal)));
                    }
                    cell.Value = next;
                    break;
                }
                case RegisterMsg<ulong, char, PaxosMsg>.Internal { Msg: PaxosMsg.Accept accept } when state.Ballot <= accept.Ballot:
                    cell.Value = state with { Ballot = accept.Ballot, Accepted = new AcceptedProposal(accept.Ballot, accept.Proposal) };
                    o.Send(src, Internal(new PaxosMsg.Accepted(accept.Ballot)));
                    break;
                case RegisterMsg<ulong, char, PaxosMsg>.Internal { Msg: PaxosMsg.Accepted accepted } when accepted.Ballot == state.Ballot:
                {
                    var next = state with { Accepts = state.Accepts.Add(src) };
                    if (next.Accepts.Count == Majority)
                    {
                        var proposal = state.Proposal ?? throw new InvalidOperationException("A proposal is expected.");
                        next = next with { IsDecided = true };
                        o.Broadcast(peers, Internal(new PaxosMsg.Decided(accepted.Ballot, proposal)));
                        o.Send(proposal.Requester, new RegisterMsg<ulong, char, PaxosMsg>.PutOk(proposal.RequestId));
                    }
                    cell.Value = next;
                    break;
                }
                case RegisterMsg<ulong, char, PaxosMsg>.Internal { Msg: PaxosMsg.Decided decided }:
                    cell.Value = state with { Ballot = decided.Ballot, Accepted = new AcceptedProposal(decided.Ballot, decided.Proposal), IsDecided = true };
                    break;
            }
        }

        private static RegisterMsg<ulong, char, PaxosMsg> Internal(PaxosMsg msg) => new RegisterMsg<ulong, char, PaxosMsg>.Internal(msg);
    }

    /// <summary>
    /// <paramref name="serverCount"/> Paxos servers, then <paramref name="clientCount"/> clients that each
    /// put once then get; properties "linearizable" (Always) and "value chosen" (Sometimes).
    /// </summary>
    public static ActorModel<RegisterMsg<ulong, char, PaxosMsg>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>> Model(
        int clientCount, int serverCount = 3, NetworkKind network = NetworkKind.UnorderedNonDuplicating)
    {
        var model = new ActorModel<RegisterMsg<ulong, char, PaxosMsg>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>>(new(new Register<char>('\0')));
        for (var i = 0; i < serverCount; i++) model.Actor(new Server(ModelHelpers.ModelPeers(i, serverCount)));
        for (var i = 0; i < clientCount; i++) model.Actor(RegisterActor.Client<PaxosMsg>(putCount: 1, serverCount));
        return model
            .InitNetwork(network)
            .Property(Expectation.Always, "linearizable", s => s.History.SerializedHistory() is not null)
            .Property(Expectation.Sometimes, "value chosen", s => s.Network.Deliverable.Any(e => e.Msg is RegisterMsg<ulong, char, PaxosMsg>.GetOk { Value: not '\0' }))
            .RecordMsgIn(RegisterHistory.RecordReturns)
            .RecordMsgOut(RegisterHistory.RecordInvocations);
    }
}
