// docs/actors.md: the register model, a whole program (its ServerActor is the one above, as in samples/GettingStarted).
using GettingStarted;
#region actors-model
using Stateright;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Semantics;

var model = ActorModel.Create<RegisterMsg<ulong, char, Unit>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>>(
        new(new Register<char>('?')))                                 // the history: a linearizability tester
    .Actor(RegisterActor.Server(new ServerActor()))                     // Id(0)
    .Actor(RegisterActor.Client(putCount: 2, serverCount: 1))          // Id(1): puts 'A', then 'Z', then gets
    .InitNetwork(NetworkKind.UnorderedDuplicating)                      // the default: messages can be redelivered
    .RecordMsgOut(RegisterHistory.RecordInvocations)                   // Put/Get sent    → invocations
    .RecordMsgIn(RegisterHistory.RecordReturns)                        // PutOk/GetOk in → returns
    .Property(Expectation.Always, "linearizable", s => s.History.SerializedHistory() is not null)
    .Property(Expectation.Sometimes, "get succeeds", s => s.Network.All.Any(e => e.Msg is RegisterMsg<ulong, char, Unit>.GetOk))
    .Property(Expectation.Sometimes, "put succeeds", s => s.Network.All.Any(e => e.Msg is RegisterMsg<ulong, char, Unit>.PutOk));

var checker = model.Checker().SpawnBfs().Join();
checker.AssertProperties(); // fails: the network redelivers the first Put after the second
#endregion
