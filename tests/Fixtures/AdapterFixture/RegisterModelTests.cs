using GettingStarted;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Semantics;
using Stateright.Testing;

namespace AdapterFixture;

// An actor model (the seed's register, linked from samples/GettingStarted), so that results also carry
// a sequence diagram of the counterexample. Its snapshots are copies of samples/GettingStarted.Tests'.
public class RegisterModelTests
{
    [ModelTest]
    [ExpectDiscovery("linearizable")]
    public static ActorModel<RegisterMsg<ulong, char, Unit>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>> SingleServer() =>
        RegisterSystem.Model();
}
