using Stateright;
using Stateright.Testing;

namespace Company.ModelTests;

/// <summary>
/// One test per property of the lease model (LeaseModel.cs). "unique tokens" holds. "mutual exclusion"
/// does not, and the test expects that: its counterexample is pinned by the snapshot
/// "LeaseModelTests.LeaseServer.mutual exclusion.verified.txt" beside this file, named after this class
/// and method. A run that finds another counterexample fails with the difference and writes a
/// .received.txt file; accept it with the stateright tool (stateright accept) once you have read it.
/// </summary>
public class LeaseModelTests
{
    [ModelTest]
    [ExpectDiscovery("mutual exclusion")]
    public static IModel LeaseServer() => LeaseSystem.Model();
}
