using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Semantics;
using Stateright.Testing;
using Stateright.Testing.XunitV3;

namespace GettingStarted.XunitV3Tests;

/// <summary>
/// The seed's test as an xUnit v3 model theory: one test case per property. The linearizability bug
/// is expected, and its counterexample is pinned by the snapshot
/// <c>RegisterModelTests.SingleServer.linearizable.verified.txt</c> beside this file (the same text as
/// the xUnit v2 sample's).
/// </summary>
public class RegisterModelTests
{
    [ModelTheory]
    [ExpectDiscovery("linearizable")]
    public static ActorModel<RegisterMsg<ulong, char, Unit>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>> SingleServer() =>
        RegisterSystem.Model();
}
