using GettingStarted;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Semantics;
using Stateright.Testing;

namespace GettingStarted.AdapterTests;

/// <summary>
/// The seed's test for the test adapter: <c>[ModelTest]</c> from Stateright.Testing, no test framework.
/// Each property is its own test case, <c>SingleServer(linearizable)</c>, <c>SingleServer(get succeeds)</c>,
/// <c>SingleServer(put succeeds)</c>, nested under the method in Test Explorer. The linearizability bug is
/// expected, and its counterexample is pinned by <c>RegisterModelTests.SingleServer.linearizable.verified.txt</c>
/// beside this file (the same text as the xUnit sample's).
/// </summary>
public class RegisterModelTests
{
    [ModelTest]
    [ExpectDiscovery("linearizable")]
    public static ActorModel<RegisterMsg<ulong, char, Unit>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>> SingleServer() =>
        RegisterSystem.Model();
}
