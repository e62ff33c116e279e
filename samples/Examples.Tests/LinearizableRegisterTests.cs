using static Stateright.Examples.LinearizableRegister;
using Deliver = Stateright.Actors.ActorModelAction<Stateright.Actors.Register.RegisterMsg<ulong, char, Stateright.Examples.LinearizableRegister.AbdMsg>>.Deliver;
using Msg = Stateright.Actors.Register.RegisterMsg<ulong, char, Stateright.Examples.LinearizableRegister.AbdMsg>;

namespace Stateright.Examples.Tests;

/// <summary>The Rust example's test (examples/linearizable-register.rs): ABD with two servers, 544 states by BFS and DFS.</summary>
public class LinearizableRegisterTests
{
    private static Deliver[] ValueChosen() =>
    [
        new(3, 1, new Msg.Put(3, 'B')),
        new(1, 0, new Msg.Internal(new AbdMsg.Query(3))),
        new(0, 1, new Msg.Internal(new AbdMsg.AckQuery(3, new Seq(0, 0), '\0'))),
        new(1, 0, new Msg.Internal(new AbdMsg.Record(3, new Seq(1, 1), 'B'))),
        new(0, 1, new Msg.Internal(new AbdMsg.AckRecord(3))),
        new(1, 3, new Msg.PutOk(3)),
        new(3, 0, new Msg.Get(6)),
        new(0, 1, new Msg.Internal(new AbdMsg.Query(6))),
        new(1, 0, new Msg.Internal(new AbdMsg.AckQuery(6, new Seq(1, 1), 'B'))),
        new(0, 1, new Msg.Internal(new AbdMsg.Record(6, new Seq(1, 1), 'B'))),
        new(1, 0, new Msg.Internal(new AbdMsg.AckRecord(6))),
    ];

    [Fact]
    public void Bfs_checks_544_states_and_the_register_is_linearizable()
    {
        var checker = LinearizableRegister.Model(clientCount: 2, serverCount: 2).Checker().SpawnBfs().Join();
        checker.AssertProperties();
        checker.AssertDiscovery("value chosen", ValueChosen());
        Assert.Equal(544, checker.UniqueStateCount);
    }

    [Fact]
    public void Dfs_checks_the_same_544_states()
    {
        var checker = LinearizableRegister.Model(clientCount: 2, serverCount: 2).Checker().Threads(2).SpawnDfs().Join();
        checker.AssertProperties();
        checker.AssertDiscovery("value chosen", ValueChosen());
        Assert.Equal(544, checker.UniqueStateCount);
    }
}
