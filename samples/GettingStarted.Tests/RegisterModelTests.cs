using Stateright;
using Stateright.Testing;
using Stateright.Testing.Xunit;

namespace GettingStarted.Tests;

/// <summary>
/// The seed's test as a model theory: one test case per property. The linearizability bug is
/// expected, and its counterexample is pinned by the snapshot
/// <c>RegisterModelTests.SingleServer.linearizable.verified.txt</c> beside this file.
/// </summary>
public class RegisterModelTests
{
    [ModelTheory]
    [ExpectDiscovery("linearizable")]
    public static IModel SingleServer() => RegisterSystem.Model();
}
