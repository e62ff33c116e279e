using Stateright;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Semantics;

namespace GettingStarted;

/// <summary>The seed chapter's model: one <see cref="ServerActor"/>, one client that writes twice and reads.</summary>
public static class RegisterSystem
{
    /// <summary>The history: a linearizability tester over register semantics, threads being actor ids.</summary>
    public static LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>> EmptyHistory() => new(new Register<char>('?'));

    /// <summary>
    /// One server, one client (two puts then a get), an unordered network that may redeliver
    /// messages, and the three properties of the seed: "linearizable", "get succeeds", "put succeeds".
    /// </summary>
    public static ActorModel<RegisterMsg<ulong, char, Unit>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>> Model() =>
        new ActorModel<RegisterMsg<ulong, char, Unit>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>>(EmptyHistory())
            .Actor(RegisterActor.Server(new ServerActor()))
            .Actor(RegisterActor.Client(putCount: 2, serverCount: 1))
            .InitNetwork(NetworkKind.UnorderedDuplicating)
            .RecordMsgOut(RegisterHistory.RecordInvocations)
            .RecordMsgIn(RegisterHistory.RecordReturns)
            .Property(Expectation.Always, "linearizable", state => state.History.SerializedHistory() is not null)
            .Property(Expectation.Sometimes, "get succeeds", state => state.Network.All.Any(e => e.Msg is RegisterMsg<ulong, char, Unit>.GetOk))
            .Property(Expectation.Sometimes, "put succeeds", state => state.Network.All.Any(e => e.Msg is RegisterMsg<ulong, char, Unit>.PutOk));
}
