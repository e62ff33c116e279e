using Stateright.Actors;
using Stateright.Actors.Register;
using static Stateright.Examples.Paxos;
using Deliver = Stateright.Actors.ActorModelAction<Stateright.Actors.Register.RegisterMsg<ulong, char, Stateright.Examples.Paxos.PaxosMsg>>.Deliver;
using Msg = Stateright.Actors.Register.RegisterMsg<ulong, char, Stateright.Examples.Paxos.PaxosMsg>;

namespace Stateright.Examples.Tests;

/// <summary>The Rust example's test (examples/paxos.rs): 16,668 states by BFS and DFS, linearizable, with its "value chosen" path.</summary>
public class PaxosTests
{
    private static readonly Ballot B = new(1, 1);
    private static readonly Proposal P = new(4, 4, 'B');

    private static Deliver[] ValueChosen() =>
    [
        new(4, 1, new Msg.Put(4, 'B')),
        new(1, 0, new Msg.Internal(new PaxosMsg.Prepare(B))),
        new(0, 1, new Msg.Internal(new PaxosMsg.Prepared(B, null))),
        new(1, 2, new Msg.Internal(new PaxosMsg.Accept(B, P))),
        new(2, 1, new Msg.Internal(new PaxosMsg.Accepted(B))),
        new(1, 4, new Msg.PutOk(4)),
        new(1, 2, new Msg.Internal(new PaxosMsg.Decided(B, P))),
        new(4, 2, new Msg.Get(8)),
    ];

    [Fact]
    public void Bfs_checks_16668_states_and_the_register_is_linearizable()
    {
        var checker = Paxos.Model(clientCount: 2).Checker().Threads(2).SpawnBfs().Join();
        checker.AssertProperties();
        checker.AssertDiscovery("value chosen", ValueChosen());
        Assert.Equal(16_668, checker.UniqueStateCount);
    }

    [Fact]
    public void Dfs_checks_the_same_16668_states()
    {
        var checker = Paxos.Model(clientCount: 2).Checker().Threads(2).SpawnDfs().Join();
        checker.AssertProperties();
        checker.AssertDiscovery("value chosen", ValueChosen());
        Assert.Equal(16_668, checker.UniqueStateCount);
    }
}
