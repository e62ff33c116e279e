using Stateright;
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
    public static IModel SingleServer() => RegisterSystem.Model();
}
