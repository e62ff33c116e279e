using System.Collections.Immutable;
using Stateright.Actors;
using static Stateright.Examples.Raft;

namespace Stateright.Examples.Tests;

using Action = ActorModelAction<RaftMessage>;

public class RaftTests
{
    private static readonly RaftMessage.VoteRequest ZeroAsksInTermOne = new(0, 1, 0, 0);
    private static readonly RaftMessage.VoteRequest TwoAsksInTermOne = new(2, 1, 0, 0);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_bounded_state_space_matches_an_independent_count(bool durable)
    {
        const int depth = 7;
        var checker = Raft.Model(durable: durable).Checker().TargetMaxDepth(depth).Threads(2).SpawnBfs().Join();
        Assert.Equal(ReachableStates.Count(Raft.Model(durable: durable), maxDepth: depth), checker.UniqueStateCount);
        Assert.Equal(CheckerStatus.TargetMaxDepthReached, checker.Status);
    }

    [Fact]
    public void A_leader_is_elected_and_an_entry_committed()
    {
        // A path of n steps ends at depth n + 1, and the checker evaluates states below its target depth.
        var checker = Raft.Model().Checker().TargetMaxDepth(8).Threads(2).SpawnBfs().Join();
        checker.AssertDiscovery("Election Liveness",
        [
            new Action.Timeout(0, RaftTimer.ElectionTimeout),
            new Action.Deliver(0, 1, ZeroAsksInTermOne),
            new Action.Deliver(1, 0, new RaftMessage.VoteResponse(1, 1, true)),
        ]);
        Assert.Equal(3, checker.Discovery("Election Liveness")!.Length); // BFS: the shortest
        checker.AssertDiscovery("Log Liveness",
        [
            new Action.Timeout(0, RaftTimer.ElectionTimeout),
            new Action.Deliver(0, 1, ZeroAsksInTermOne),
            new Action.Deliver(1, 0, new RaftMessage.VoteResponse(1, 1, true)),
            new Action.Deliver(0, 0, new RaftMessage.Broadcast("0")),
            new Action.Deliver(0, 1, new RaftMessage.LogRequest(0, 1, 0, 0, 0, [new LogEntry(1, "0")])),
            new Action.Deliver(1, 0, new RaftMessage.LogResponse(1, 1, 1, true)),
        ]);
        Assert.Equal(6, checker.Discovery("Log Liveness")!.Length);
        Assert.Null(checker.Discovery("State Machine Safety"));
    }

    /// <summary>
    /// The Rust example keeps nothing across a crash: a server that voted, crashed and recovered
    /// votes again in the same term, and two servers lead term 1. BFS finds this after 8 steps.
    /// </summary>
    [Fact]
    [Trait("Category", "Parity")] // a large run: `dotnet test -p:TestSuite=parity`
    public void A_server_that_forgets_its_vote_lets_two_leaders_share_a_term()
    {
        var votesTwice = new Action[]
        {
            new Action.Timeout(0, RaftTimer.ElectionTimeout),
            new Action.Deliver(0, 1, ZeroAsksInTermOne),
            new Action.Deliver(1, 0, new RaftMessage.VoteResponse(1, 1, true)),
            new Action.Timeout(2, RaftTimer.ElectionTimeout),
            new Action.Crash(1),
            new Action.Recover(1),
            new Action.Deliver(2, 1, TwoAsksInTermOne),
            new Action.Deliver(1, 2, new RaftMessage.VoteResponse(1, 1, true)),
        };
        var checker = Raft.Model().Checker().TargetMaxDepth(10).FinishWhen(HasDiscoveries.AnyOf("Election Safety")).Threads(2).SpawnBfs().Join();
        checker.AssertDiscovery("Election Safety", votesTwice);
        Assert.Equal(votesTwice.Length, checker.Discovery("Election Safety")!.Length);
        var leaders = checker.Discovery("Election Safety")!.LastState.StatesOf<NodeState>().Where(s => s.CurrentRole == Role.Leader).ToList();
        Assert.Equal(2, leaders.Count);
        Assert.All(leaders, l => Assert.Equal(1, l.CurrentTerm));

        // The same steps with durable servers: the recovered server remembers its vote and refuses.
        var durable = Raft.Model(durable: true);
        var path = Path<ActorModelState<RaftMessage, Unit>, Action>.FromActions(durable, durable.InitStates().Single(), votesTwice[..7]);
        Assert.NotNull(path);
        Assert.Equal(0, path!.LastState.StateOf<NodeState>(1).VotedFor);
        Assert.Contains(new Envelope<RaftMessage>(1, 2, new RaftMessage.VoteResponse(1, 1, false)), path.LastState.Network.All);
    }

    /// <summary>The quick version of the search above: its eight steps replayed, without the search that shows they are the shortest.</summary>
    [Fact]
    public void Replaying_the_forgotten_vote_gives_two_leaders_in_term_1()
    {
        var model = Raft.Model();
        var path = Path<ActorModelState<RaftMessage, Unit>, Action>.FromActions(model, model.InitStates().Single(),
        [
            new Action.Timeout(0, RaftTimer.ElectionTimeout),
            new Action.Deliver(0, 1, ZeroAsksInTermOne),
            new Action.Deliver(1, 0, new RaftMessage.VoteResponse(1, 1, true)),
            new Action.Timeout(2, RaftTimer.ElectionTimeout),
            new Action.Crash(1),
            new Action.Recover(1),
            new Action.Deliver(2, 1, TwoAsksInTermOne),
            new Action.Deliver(1, 2, new RaftMessage.VoteResponse(1, 1, true)),
        ]);
        Assert.NotNull(path);
        var leaders = path!.LastState.StatesOf<NodeState>().Where(s => s.CurrentRole == Role.Leader).ToList();
        Assert.Equal(2, leaders.Count);
        Assert.All(leaders, l => Assert.Equal(1, l.CurrentTerm));
        Assert.False(Raft.HasAtMostOneLeaderPerTerm(path.LastState.StatesOf<NodeState>()));
    }

    [Fact]
    [Trait("Category", "Parity")] // a large run: `dotnet test -p:TestSuite=parity`
    public void Without_crashes_the_safety_properties_hold_to_depth_9()
    {
        var checker = Raft.Model().MaxCrashes(0).Checker().TargetMaxDepth(9).Threads(2).SpawnBfs().Join();
        Assert.Null(checker.Discovery("Election Safety"));
        Assert.Null(checker.Discovery("State Machine Safety"));
        Assert.NotNull(checker.Discovery("Log Liveness"));
    }

    [Fact]
    [Trait("Category", "Parity")] // a large run: `dotnet test -p:TestSuite=parity`
    public void Durable_servers_keep_the_safety_properties_to_depth_9()
    {
        var checker = Raft.Model(durable: true).Checker().TargetMaxDepth(9).Threads(2).SpawnBfs().Join();
        Assert.Null(checker.Discovery("Election Safety"));
        Assert.Null(checker.Discovery("State Machine Safety"));
        Assert.NotNull(checker.Discovery("Log Liveness"));
    }

    [Fact]
    public void Delivered_messages_and_the_buffer_are_not_part_of_a_state_identity()
    {
        var state = NodeState.Initial(0, 3);
        Assert.Equal(Fingerprint.Of(state), Fingerprint.Of(state with { DeliveredMessages = ["0"], Buffer = ["1"] }));
        Assert.NotEqual(Fingerprint.Of(state), Fingerprint.Of(state with { Log = [new LogEntry(1, "0")] }));
        Assert.NotEqual(Fingerprint.Of(state), Fingerprint.Of(state with { VotesReceived = ImmutableSortedSet.Create(0) }));
    }

    [Fact]
    public void State_machine_safety_compares_delivered_prefixes()
    {
        var a = NodeState.Initial(0, 3) with { DeliveredMessages = ["0", "1"] };
        var b = NodeState.Initial(1, 3) with { DeliveredMessages = ["0"] };
        var c = NodeState.Initial(2, 3) with { DeliveredMessages = ["2"] };
        Assert.True(Raft.DeliveredLogsAgree([a, b]));
        Assert.False(Raft.DeliveredLogsAgree([a, b, c]));
        Assert.True(Raft.HasAtMostOneLeaderPerTerm([a with { CurrentRole = Role.Leader, CurrentTerm = 1 }, b with { CurrentRole = Role.Leader, CurrentTerm = 2 }]));
        Assert.False(Raft.HasAtMostOneLeaderPerTerm([a with { CurrentRole = Role.Leader, CurrentTerm = 1 }, b with { CurrentRole = Role.Leader, CurrentTerm = 1 }]));
    }

    [Fact]
    public void A_leader_is_not_always_elected_because_votes_can_split()
    {
        var checker = Raft.ElectionModel().Checker().Threads(2).SpawnBfs().Join();
        var path = checker.Discovery("Leader Elected")!;
        Assert.Equal(VerdictKind.Violated, checker.VerdictOf("Leader Elected"));
        // Both servers time out in term 1, vote for themselves and refuse each other: a split vote.
        var servers = path.LastState.StatesOf<Raft.NodeState>().ToArray();
        Assert.All(servers, n => Assert.Equal((Raft.Role.Candidate, 1, n.Id), (n.CurrentRole, n.CurrentTerm, n.VotedFor ?? -1)));
        Assert.Equal(0, path.LastState.Network.Count);
        Assert.Equal(2_245, checker.UniqueStateCount);
    }
}
