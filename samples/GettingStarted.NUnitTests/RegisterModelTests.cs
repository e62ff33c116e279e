using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Semantics;
using Stateright.Testing;
using Stateright.Testing.NUnit;

namespace GettingStarted.NUnitTests;

/// <summary>
/// The seed's test as an NUnit model theory: one test per property, grouped under the method. The
/// linearizability bug is expected, and its counterexample is pinned by the snapshot
/// <c>RegisterModelTests.SingleServer.linearizable.verified.txt</c> beside this file (the same bytes
/// as the xUnit sample's).
/// </summary>
public class RegisterModelTests
{
    [ModelTheory]
    [ExpectDiscovery("linearizable")]
    public static ActorModel<RegisterMsg<ulong, char, Unit>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>> SingleServer() =>
        RegisterSystem.Model();
}
