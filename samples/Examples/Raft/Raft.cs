using System.Collections.Immutable;
using Stateright.Actors;

namespace Stateright.Examples;

/// <summary>
/// Raft leader election and log replication (after the pseudocode in Kleppmann's lecture notes, as
/// the Rust example does). Each server broadcasts its own id as a payload when it starts; a leader
/// appends broadcasts to its log and replicates it; an entry acknowledged by a majority in the
/// leader's term is committed, and every server delivers committed entries in log order.
/// Timers fire once each unless a handler sets them again, and one server may crash.
/// </summary>
/// <remarks>
/// Like the Rust example, a server keeps nothing across a crash, so a recovered server can vote
/// twice in one term and the checker finds two leaders in that term ("Election Safety"). Raft
/// requires the term, the vote and the log to be durable: with <c>durable: true</c> servers save
/// them and restore them on recovery, and the safety properties hold.
/// </remarks>
public static class Raft
{
    /// <summary>A server's role.</summary>
    public enum Role { Follower, Candidate, Leader }

    /// <summary>The election and replication timers.</summary>
    public enum RaftTimer { ElectionTimeout, ReplicationTimeout }

    /// <summary>A log entry: the term it was appended in and its payload.</summary>
    public sealed record LogEntry(int Term, string Payload);

    /// <summary>
    /// A server's state. <see cref="DeliveredMessages"/> and <see cref="Buffer"/> are left out of the
    /// fingerprint, as the Rust example leaves them out of its hash: states that differ only there
    /// count as one.
    /// </summary>
    /// <param name="Id">The server's index.</param>
    /// <param name="CurrentTerm">The latest term the server has seen.</param>
    /// <param name="VotedFor">The candidate voted for in the current term.</param>
    /// <param name="Log">The replicated log.</param>
    /// <param name="CommitLength">How many log entries are committed.</param>
    /// <param name="CurrentRole">Follower, candidate or leader.</param>
    /// <param name="CurrentLeader">The leader of the current term, once known.</param>
    /// <param name="VotesReceived">A candidate's votes.</param>
    /// <param name="SentLength">A leader's count of entries sent to each server.</param>
    /// <param name="AckedLength">A leader's count of entries each server acknowledged.</param>
    /// <param name="DeliveredMessages">The committed payloads, in the order they were delivered.</param>
    /// <param name="Buffer">Payloads received while no leader is known.</param>
    public sealed record NodeState(
        int Id,
        int CurrentTerm,
        int? VotedFor,
        ImmutableList<LogEntry> Log,
        int CommitLength,
        Role CurrentRole,
        int? CurrentLeader,
        ImmutableSortedSet<int> VotesReceived,
        ImmutableArray<int> SentLength,
        ImmutableArray<int> AckedLength,
        [field: FingerprintIgnore] ImmutableList<string> DeliveredMessages,
        [field: FingerprintIgnore] ImmutableList<string> Buffer)
    {
        /// <summary>A follower in term 0 with an empty log, in a cluster of <paramref name="serverCount"/>.</summary>
        public static NodeState Initial(int id, int serverCount) => new(
            id, 0, null, [], 0, Role.Follower, null, [],
            ImmutableArray.CreateRange(Enumerable.Repeat(0, serverCount)),
            ImmutableArray.CreateRange(Enumerable.Repeat(0, serverCount)),
            [], []);

        /// <summary>The term of the last log entry, or 0 for an empty log.</summary>
        public int LastLogTerm => Log.IsEmpty ? 0 : Log[^1].Term;

        /// <inheritdoc/>
        public override string ToString() =>
            $"NodeState {{ id: {Id}, term: {CurrentTerm}, voted_for: {Show(VotedFor)}, log: [{string.Join(", ", Log.Select(e => $"{e.Term}:{e.Payload}"))}], " +
            $"commit_length: {CommitLength}, role: {CurrentRole}, leader: {Show(CurrentLeader)}, votes: [{string.Join(", ", VotesReceived)}], " +
            $"sent: [{string.Join(", ", SentLength)}], acked: [{string.Join(", ", AckedLength)}], delivered: [{string.Join(", ", DeliveredMessages)}], buffer: [{string.Join(", ", Buffer)}] }}";

        private static string Show(int? value) => value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None";
    }

    /// <summary>The messages between servers.</summary>
    public abstract record RaftMessage
    {
        /// <summary>A candidate asks for a vote.</summary>
        public sealed record VoteRequest(int CandidateId, int CandidateTerm, int CandidateLogLength, int CandidateLogTerm) : RaftMessage;

        /// <summary>A server answers a vote request.</summary>
        public sealed record VoteResponse(int VoterId, int Term, bool Granted) : RaftMessage;

        /// <summary>A leader sends the log after the prefix the follower is thought to hold.</summary>
        public sealed record LogRequest(int LeaderId, int Term, int PrefixLength, int PrefixTerm, int LeaderCommit, ImmutableList<LogEntry> Suffix) : RaftMessage
        {
            /// <inheritdoc/>
            public override string ToString() =>
                $"LogRequest {{ LeaderId = {LeaderId}, Term = {Term}, PrefixLength = {PrefixLength}, PrefixTerm = {PrefixTerm}, LeaderCommit = {LeaderCommit}, Suffix = [{string.Join(", ", Suffix.Select(e => $"{e.Term}:{e.Payload}"))}] }}";
        }

        /// <summary>A follower acknowledges (or refuses) a log request.</summary>
        public sealed record LogResponse(int Follower, int Term, int Ack, bool Success) : RaftMessage;

        /// <summary>A payload to append to the log, sent to the leader (or to oneself).</summary>
        public sealed record Broadcast(string Payload) : RaftMessage;
    }

    /// <summary>What a durable server saves: Raft's persistent state.</summary>
    public sealed record DurableState(int CurrentTerm, int? VotedFor, ImmutableList<LogEntry> Log);

    /// <summary>
    /// A Raft server; <paramref name="serverCount"/> servers have ids 0 to count − 1. A
    /// <paramref name="durable"/> server saves its term, vote and log whenever they change, and
    /// restores them when it recovers from a crash.
    /// </summary>
    public sealed class Server(int serverCount, bool durable = false) : Actor<RaftMessage, NodeState, RaftTimer>
    {
        private int Majority => (serverCount + 2) / 2; // ⌈(n + 1) / 2⌉

        /// <inheritdoc/>
        public override string Name => "Raft Server";

        /// <inheritdoc/>
        public override NodeState OnStart(Id id, Out<RaftMessage, RaftTimer> o)
        {
            o.SetTimer(RaftTimer.ElectionTimeout, ModelHelpers.ModelOnlyTimeout());
            o.SetTimer(RaftTimer.ReplicationTimeout, ModelHelpers.ModelOnlyTimeout());
            o.Send(id, new RaftMessage.Broadcast(id.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return NodeState.Initial(id.Index, serverCount);
        }

        /// <inheritdoc/>
        public override NodeState OnStart(Id id, object? storage, Out<RaftMessage, RaftTimer> o)
        {
            var state = OnStart(id, o);
            return durable && storage is DurableState saved
                ? state with { CurrentTerm = saved.CurrentTerm, VotedFor = saved.VotedFor, Log = saved.Log }
                : state;
        }

        /// <inheritdoc/>
        public override void OnMsg(Id id, ref Cow<NodeState> cell, Id src, RaftMessage msg, Out<RaftMessage, RaftTimer> o)
        {
            // Every message counts as a change of state, even one that leaves it equal (the Rust
            // example takes its state mutably on every message), so no delivery is skipped as a no-op.
            var before = cell.Value;
            cell.Value = msg switch
            {
                RaftMessage.VoteRequest request => OnVoteRequest(cell.Value, request, o),
                RaftMessage.VoteResponse response => OnVoteResponse(cell.Value, response, o),
                RaftMessage.LogRequest request => OnLogRequest(cell.Value, request, o),
                RaftMessage.LogResponse response => OnLogResponse(cell.Value, response, o),
                RaftMessage.Broadcast broadcast => OnBroadcast(cell.Value, broadcast.Payload, o),
                _ => cell.Value,
            };
            SaveIfChanged(before, cell.Value, o);
        }

        /// <inheritdoc/>
        public override void OnTimeout(Id id, ref Cow<NodeState> cell, RaftTimer timer, Out<RaftMessage, RaftTimer> o)
        {
            var state = cell.Value;
            cell.Value = timer switch
            {
                RaftTimer.ElectionTimeout when state.CurrentRole != Role.Leader => StartElection(state, o),
                RaftTimer.ReplicationTimeout => ReplicateToAll(state, o),
                _ => state,
            };
            SaveIfChanged(state, cell.Value, o);
        }

        private void SaveIfChanged(NodeState before, NodeState after, Out<RaftMessage, RaftTimer> o)
        {
            if (durable && (before.CurrentTerm != after.CurrentTerm || before.VotedFor != after.VotedFor || before.Log != after.Log))
                o.Save(new DurableState(after.CurrentTerm, after.VotedFor, after.Log));
        }

        private NodeState StartElection(NodeState state, Out<RaftMessage, RaftTimer> o)
        {
            state = state with
            {
                CurrentTerm = state.CurrentTerm + 1,
                VotedFor = state.Id,
                CurrentRole = Role.Candidate,
                VotesReceived = [state.Id],
            };
            var request = new RaftMessage.VoteRequest(state.Id, state.CurrentTerm, state.Log.Count, state.LastLogTerm);
            foreach (var peer in Peers(state.Id)) o.Send(peer, request);
            return state;
        }

        private static NodeState OnVoteRequest(NodeState state, RaftMessage.VoteRequest request, Out<RaftMessage, RaftTimer> o)
        {
            if (request.CandidateTerm > state.CurrentTerm)
                state = state with { CurrentTerm = request.CandidateTerm, CurrentRole = Role.Follower, VotedFor = null };
            var logOk = request.CandidateLogTerm > state.LastLogTerm
                || (request.CandidateLogTerm == state.LastLogTerm && request.CandidateLogLength >= state.Log.Count);
            var granted = request.CandidateTerm == state.CurrentTerm && logOk && (state.VotedFor is null || state.VotedFor == request.CandidateId);
            if (granted) state = state with { VotedFor = request.CandidateId };
            o.Send(request.CandidateId, new RaftMessage.VoteResponse(state.Id, state.CurrentTerm, granted));
            return state;
        }

        private NodeState OnVoteResponse(NodeState state, RaftMessage.VoteResponse response, Out<RaftMessage, RaftTimer> o)
        {
            if (state.CurrentRole == Role.Candidate && response.Term == state.CurrentTerm && response.Granted)
            {
                state = state with { VotesReceived = state.VotesReceived.Add(response.VoterId) };
                if (state.VotesReceived.Count < Majority) return state;
                state = DrainBuffer(state with { CurrentRole = Role.Leader, CurrentLeader = state.Id }, o);
                var sent = state.SentLength.ToBuilder();
                var acked = state.AckedLength.ToBuilder();
                foreach (var peer in Peers(state.Id))
                {
                    sent[peer.Index] = state.Log.Count;
                    acked[peer.Index] = 0;
                }
                state = state with { SentLength = sent.MoveToImmutable(), AckedLength = acked.MoveToImmutable() };
                return ReplicateToAll(state, o);
            }
            if (response.Term > state.CurrentTerm)
            {
                o.SetTimer(RaftTimer.ElectionTimeout, ModelHelpers.ModelOnlyTimeout());
                return state with { CurrentTerm = response.Term, CurrentRole = Role.Follower, VotedFor = null };
            }
            return state;
        }

        private static NodeState OnLogRequest(NodeState state, RaftMessage.LogRequest request, Out<RaftMessage, RaftTimer> o)
        {
            if (request.Term > state.CurrentTerm)
            {
                state = state with { CurrentTerm = request.Term, VotedFor = null };
                o.SetTimer(RaftTimer.ElectionTimeout, ModelHelpers.ModelOnlyTimeout());
            }
            if (request.Term == state.CurrentTerm)
            {
                state = DrainBuffer(state with { CurrentRole = Role.Follower, CurrentLeader = request.LeaderId }, o);
                o.SetTimer(RaftTimer.ElectionTimeout, ModelHelpers.ModelOnlyTimeout());
            }
            var logOk = state.Log.Count >= request.PrefixLength
                && (request.PrefixLength == 0 || state.Log[request.PrefixLength - 1].Term == request.PrefixTerm);
            var ack = 0;
            var success = false;
            if (request.Term == state.CurrentTerm && logOk)
            {
                state = AppendEntries(state, request.PrefixLength, request.LeaderCommit, request.Suffix);
                ack = request.PrefixLength + request.Suffix.Count;
                success = true;
            }
            o.Send(request.LeaderId, new RaftMessage.LogResponse(state.Id, state.CurrentTerm, ack, success));
            return state;
        }

        private NodeState OnLogResponse(NodeState state, RaftMessage.LogResponse response, Out<RaftMessage, RaftTimer> o)
        {
            if (response.Term == state.CurrentTerm && state.CurrentRole == Role.Leader)
            {
                var follower = response.Follower;
                if (response.Success && response.Ack >= state.AckedLength[follower])
                {
                    state = state with
                    {
                        SentLength = state.SentLength.SetItem(follower, response.Ack),
                        AckedLength = state.AckedLength.SetItem(follower, response.Ack),
                    };
                    return CommitLogEntries(state);
                }
                if (state.SentLength[follower] > 0)
                {
                    state = state with { SentLength = state.SentLength.SetItem(follower, state.SentLength[follower] - 1) };
                    Replicate(state, follower, o);
                }
                return state;
            }
            if (response.Term > state.CurrentTerm)
            {
                o.SetTimer(RaftTimer.ElectionTimeout, ModelHelpers.ModelOnlyTimeout());
                return state with { CurrentTerm = response.Term, CurrentRole = Role.Follower, VotedFor = null };
            }
            return state;
        }

        private NodeState OnBroadcast(NodeState state, string payload, Out<RaftMessage, RaftTimer> o)
        {
            if (state.CurrentRole == Role.Leader)
            {
                var log = state.Log.Add(new LogEntry(state.CurrentTerm, payload));
                state = state with { Log = log, AckedLength = state.AckedLength.SetItem(state.Id, log.Count) };
                return ReplicateToAll(state, o);
            }
            if (state.CurrentLeader is { } leader)
            {
                o.Send(leader, new RaftMessage.Broadcast(payload));
                return state;
            }
            return state with { Buffer = state.Buffer.Add(payload) };
        }

        /// <summary>A new leader sends itself what it buffered while no leader was known.</summary>
        private static NodeState DrainBuffer(NodeState state, Out<RaftMessage, RaftTimer> o)
        {
            if (state.CurrentRole != Role.Leader || state.Buffer.IsEmpty) return state;
            foreach (var payload in state.Buffer) o.Send(state.Id, new RaftMessage.Broadcast(payload));
            return state with { Buffer = [] };
        }

        private NodeState ReplicateToAll(NodeState state, Out<RaftMessage, RaftTimer> o)
        {
            if (state.CurrentRole != Role.Leader) return state;
            foreach (var peer in Peers(state.Id)) Replicate(state, peer.Index, o);
            return state;
        }

        private static void Replicate(NodeState state, int follower, Out<RaftMessage, RaftTimer> o)
        {
            var prefixLength = state.SentLength[follower];
            var suffix = state.Log.GetRange(prefixLength, state.Log.Count - prefixLength);
            var prefixTerm = prefixLength > 0 ? state.Log[prefixLength - 1].Term : 0;
            o.Send(follower, new RaftMessage.LogRequest(state.Id, state.CurrentTerm, prefixLength, prefixTerm, state.CommitLength, suffix));
        }

        private static NodeState AppendEntries(NodeState state, int prefixLength, int leaderCommit, ImmutableList<LogEntry> suffix)
        {
            var log = state.Log;
            if (!suffix.IsEmpty && log.Count > prefixLength)
            {
                // The last index both logs have: a different term there means a conflict, so drop our tail.
                var index = Math.Min(log.Count, prefixLength + suffix.Count) - 1;
                if (log[index].Term != suffix[index - prefixLength].Term) log = log.RemoveRange(prefixLength, log.Count - prefixLength);
            }
            if (prefixLength + suffix.Count > log.Count)
                log = log.AddRange(suffix.Skip(log.Count - prefixLength));
            state = state with { Log = log };
            return leaderCommit > state.CommitLength ? Deliver(state, leaderCommit) : state;
        }

        private NodeState CommitLogEntries(NodeState state)
        {
            var readyMax = 0;
            for (var length = state.CommitLength + 1; length <= state.Log.Count; length++)
                if (state.AckedLength.Count(acked => acked >= length) >= Majority) readyMax = length;
            return readyMax > 0 && state.Log[readyMax - 1].Term == state.CurrentTerm ? Deliver(state, readyMax) : state;
        }

        /// <summary>Delivers the entries from the commit length up to <paramref name="commitLength"/>, and commits them.</summary>
        private static NodeState Deliver(NodeState state, int commitLength)
        {
            var delivered = state.DeliveredMessages.AddRange(state.Log.Skip(state.CommitLength).Take(commitLength - state.CommitLength).Select(e => e.Payload));
            return state with { DeliveredMessages = delivered, CommitLength = commitLength };
        }

        private IEnumerable<Id> Peers(int self)
        {
            for (var i = 0; i < serverCount; i++)
                if (i != self) yield return i;
        }
    }

    /// <summary>
    /// <paramref name="serverCount"/> servers, at most ⌊(n − 1) / 2⌋ of them crashing; properties
    /// "Election Liveness" and "Log Liveness" (Sometimes), "Election Safety" and "State Machine
    /// Safety" (Always). <paramref name="durable"/> servers keep their term, vote and log across crashes.
    /// </summary>
    public static ActorModel<RaftMessage, Unit> Model(int serverCount = 3, NetworkKind network = NetworkKind.UnorderedNonDuplicating, bool durable = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serverCount, 1);
        var model = new ActorModel<RaftMessage, Unit>(Unit.Value).MaxCrashes((serverCount - 1) / 2);
        for (var i = 0; i < serverCount; i++) model.Actor(new Server(serverCount, durable));
        return model
            .InitNetwork(network)
            .Property(Expectation.Sometimes, "Election Liveness", s => s.StatesOf<NodeState>().Any(n => n.CurrentRole == Role.Leader))
            .Property(Expectation.Sometimes, "Log Liveness", s => s.StatesOf<NodeState>().Any(n => n.CommitLength > 0))
            .Property(Expectation.Always, "Election Safety", s => HasAtMostOneLeaderPerTerm(s.StatesOf<NodeState>()))
            .Property(Expectation.Always, "State Machine Safety", s => DeliveredLogsAgree(s.StatesOf<NodeState>().ToList()));
    }

    /// <summary>
    /// Leader election as a liveness property: <paramref name="serverCount"/> servers, no crashes, a
    /// network that delivers every message eventually (weak fairness on deliveries, the actor-model
    /// default), terms bounded by <paramref name="maxTerm"/> and at most <paramref name="maxInFlight"/>
    /// messages in flight (leaders' heartbeats would otherwise pile up without end); "Leader Elected" (Eventually) asks that
    /// every behaviour elects a leader. It fails: every server can time out in the same term and vote
    /// for itself (a split vote), and nothing in the model forces the next round to go differently —
    /// the reason real Raft randomizes its election timeouts.
    /// </summary>
    public static ActorModel<RaftMessage, Unit> ElectionModel(int serverCount = 2, int maxTerm = 1, int maxInFlight = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serverCount, 1);
        var model = new ActorModel<RaftMessage, Unit>(Unit.Value);
        for (var i = 0; i < serverCount; i++) model.Actor(new Server(serverCount));
        return model
            .InitNetwork(NetworkKind.UnorderedNonDuplicating)
            .WithinBoundary(s => s.Network.Count <= maxInFlight && s.StatesOf<NodeState>().All(n => n.CurrentTerm <= maxTerm))
            .Property(Expectation.Eventually, "Leader Elected", s => s.StatesOf<NodeState>().Any(n => n.CurrentRole == Role.Leader));
    }

    /// <summary>At most one leader is elected in a given term.</summary>
    public static bool HasAtMostOneLeaderPerTerm(IEnumerable<NodeState> servers)
    {
        var terms = new HashSet<int>();
        foreach (var server in servers)
            if (server.CurrentRole == Role.Leader && !terms.Add(server.CurrentTerm)) return false;
        return true;
    }

    /// <summary>No two servers deliver different payloads at the same log index.</summary>
    public static bool DeliveredLogsAgree(IReadOnlyList<NodeState> servers)
    {
        var longest = servers.MaxBy(s => s.DeliveredMessages.Count);
        if (longest is null) return true;
        foreach (var server in servers)
            for (var i = 0; i < server.DeliveredMessages.Count; i++)
                if (server.DeliveredMessages[i] != longest.DeliveredMessages[i]) return false;
        return true;
    }
}
