using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Semantics;

namespace Stateright.Tests.Actors;

/// <summary>The register and write-once-register fixtures, with a correct and a faulty server each.</summary>
public class RegisterFixtureTests
{
    private sealed class RegisterServer : Actor<RegisterMsg<ulong, char, Unit>, char>
    {
        public override char OnStart(Id id, Out<RegisterMsg<ulong, char, Unit>> o) => '?';

        public override void OnMsg(Id id, ref Cow<char> state, Id src, RegisterMsg<ulong, char, Unit> msg, Out<RegisterMsg<ulong, char, Unit>> o)
        {
            switch (msg)
            {
                case RegisterMsg<ulong, char, Unit>.Put put:
                    state.Value = put.Value;
                    o.Send(src, new RegisterMsg<ulong, char, Unit>.PutOk(put.RequestId));
                    break;
                case RegisterMsg<ulong, char, Unit>.Get get:
                    o.Send(src, new RegisterMsg<ulong, char, Unit>.GetOk(get.RequestId, state.Value));
                    break;
            }
        }
    }

    private static ActorModel<RegisterMsg<ulong, char, Unit>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>> RegisterModel(int servers, int clients, NetworkKind network)
    {
        var model = new ActorModel<RegisterMsg<ulong, char, Unit>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>>(new(new Register<char>('?')));
        for (var i = 0; i < servers; i++) model.Actor(RegisterActor.Server(new RegisterServer()));
        for (var i = 0; i < clients; i++) model.Actor(RegisterActor.Client(putCount: 1, serverCount: servers));
        return model.InitNetwork(network)
            .RecordMsgOut(RegisterHistory.RecordInvocations)
            .RecordMsgIn(RegisterHistory.RecordReturns)
            .Property(Expectation.Always, "linearizable", s => s.History.SerializedHistory() is not null)
            .Property(Expectation.Sometimes, "value chosen", s => s.Network.All.Any(e => e.Msg is RegisterMsg<ulong, char, Unit>.GetOk ok && ok.Value != '?'));
    }

    [Fact]
    public void One_server_on_a_nonduplicating_network_is_linearizable()
    {
        var checker = RegisterModel(servers: 1, clients: 2, NetworkKind.UnorderedNonDuplicating).Checker().Threads(2).SpawnBfs().Join();
        checker.AssertProperties();
    }

    [Fact]
    public void Two_unreplicated_servers_are_not_linearizable()
    {
        var checker = RegisterModel(servers: 2, clients: 2, NetworkKind.UnorderedNonDuplicating).Checker().SpawnBfs().Join();
        var path = checker.AssertAnyDiscovery("linearizable");
        Assert.Contains(path.Actions, a => a is ActorModelAction<RegisterMsg<ulong, char, Unit>>.Deliver { Msg: RegisterMsg<ulong, char, Unit>.GetOk });
    }

    [Fact]
    public void Clients_write_distinct_values_then_read()
    {
        var model = RegisterModel(servers: 1, clients: 2, NetworkKind.Ordered);
        var init = model.InitStates().Single();
        Assert.Equal(
            ["Id(1) → Put(1, 'A') → Id(0)", "Id(2) → Put(2, 'B') → Id(0)"],
            init.Network.All.Select(e => e.ToString()).Order(StringComparer.Ordinal));
        Assert.Throws<InvalidOperationException>(() =>
            new ActorModel<RegisterMsg<ulong, char, Unit>, Unit>(Unit.Value).Actor(RegisterActor.Client(1, 1)).InitStates().ToList());
    }

    private sealed class WriteOnceServer : Actor<WriteOnceRegisterMsg<ulong, char, Unit>, Option<char>>
    {
        public override Option<char> OnStart(Id id, Out<WriteOnceRegisterMsg<ulong, char, Unit>> o) => Option.None<char>();

        public override void OnMsg(Id id, ref Cow<Option<char>> state, Id src, WriteOnceRegisterMsg<ulong, char, Unit> msg, Out<WriteOnceRegisterMsg<ulong, char, Unit>> o)
        {
            switch (msg)
            {
                case WriteOnceRegisterMsg<ulong, char, Unit>.Put put when !state.Value.HasValue:
                    state.Value = Option.Some(put.Value);
                    o.Send(src, new WriteOnceRegisterMsg<ulong, char, Unit>.PutOk(put.RequestId));
                    break;
                case WriteOnceRegisterMsg<ulong, char, Unit>.Put put:
                    o.Send(src, new WriteOnceRegisterMsg<ulong, char, Unit>.PutFail(put.RequestId));
                    break;
                case WriteOnceRegisterMsg<ulong, char, Unit>.Get get when state.Value.TryGetValue(out var value):
                    o.Send(src, new WriteOnceRegisterMsg<ulong, char, Unit>.GetOk(get.RequestId, value));
                    break;
            }
        }
    }

    [Fact]
    public void A_write_once_server_is_linearizable_and_refuses_second_writes()
    {
        var model = new ActorModel<WriteOnceRegisterMsg<ulong, char, Unit>, LinearizabilityTester<Id, WriteOnceRegister<char>, WriteOnceRegisterOp<char>, WriteOnceRegisterRet<char>>>(new(new WriteOnceRegister<char>()))
            .Actor(new WriteOnceServer())
            .Actor(RegisterActor.WriteOnceClient<Unit>(putCount: 1, serverCount: 1))
            .Actor(RegisterActor.WriteOnceClient<Unit>(putCount: 1, serverCount: 1))
            .InitNetwork(NetworkKind.UnorderedNonDuplicating)
            .RecordMsgOut(WriteOnceRegisterHistory.RecordInvocations)
            .RecordMsgIn(WriteOnceRegisterHistory.RecordReturns)
            .Property(Expectation.Always, "linearizable", s => s.History.SerializedHistory() is not null)
            .Property(Expectation.Sometimes, "a write fails", s => s.Network.All.Any(e => e.Msg is WriteOnceRegisterMsg<ulong, char, Unit>.PutFail))
            .Property(Expectation.Sometimes, "a read succeeds", s => s.Network.All.Any(e => e.Msg is WriteOnceRegisterMsg<ulong, char, Unit>.GetOk));
        model.Checker().SpawnBfs().Join().AssertProperties();
    }
}
