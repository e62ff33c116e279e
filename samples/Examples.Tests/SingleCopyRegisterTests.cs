using Stateright.Actors;
using Stateright.Actors.Register;
using Deliver = Stateright.Actors.ActorModelAction<Stateright.Actors.Register.RegisterMsg<ulong, char, Stateright.Actors.Unit>>.Deliver;
using Msg = Stateright.Actors.Register.RegisterMsg<ulong, char, Stateright.Actors.Unit>;

namespace Stateright.Examples.Tests;

/// <summary>The Rust example's test (examples/single-copy-register.rs), with its counts and discoveries.</summary>
public class SingleCopyRegisterTests
{
    [Fact]
    public void One_server_is_linearizable_with_93_states()
    {
        var checker = SingleCopyRegister.Model(clientCount: 2, serverCount: 1).Checker().SpawnDfs().Join();
        checker.AssertProperties();
        checker.AssertDiscovery("value chosen",
        [
            new Deliver(2, 0, new Msg.Put(2, 'B')),
            new Deliver(0, 2, new Msg.PutOk(2)),
            new Deliver(2, 0, new Msg.Get(4)),
        ]);
        Assert.Equal(93, checker.UniqueStateCount);
    }

    [Fact]
    public void Two_servers_are_not_linearizable_with_54_states()
    {
        var checker = SingleCopyRegister.Model(clientCount: 2, serverCount: 2).Checker().SpawnBfs().Join();
        checker.AssertDiscovery("linearizable",
        [
            new Deliver(3, 1, new Msg.Put(3, 'B')),
            new Deliver(1, 3, new Msg.PutOk(3)),
            new Deliver(3, 0, new Msg.Get(6)),
            new Deliver(0, 3, new Msg.GetOk(6, '\0')),
        ]);
        checker.AssertDiscovery("value chosen",
        [
            new Deliver(3, 1, new Msg.Put(3, 'B')),
            new Deliver(1, 3, new Msg.PutOk(3)),
            new Deliver(2, 0, new Msg.Put(2, 'A')),
            new Deliver(3, 0, new Msg.Get(6)),
        ]);
        Assert.Equal(54, checker.UniqueStateCount);
    }
}
