using Stateright;
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
    public static IModel SingleServer() => RegisterSystem.Model();
}
