using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Semantics;
using Stateright.Testing;
using Stateright.Testing.Xunit;

namespace Stateright.Examples.Tests;

using RegisterHistory = LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>;

/// <summary>
/// The examples as model theories: each property is a test case of its own, the checker runs once per
/// method, and every discovery is pinned by a snapshot beside this file
/// (<c>ExampleModelTheories.&lt;Method&gt;.&lt;property&gt;.verified.txt</c>).
/// </summary>
public class ExampleModelTheories
{
    /// <summary>Two-phase commit with three resource managers: consistent, and both outcomes reachable.</summary>
    [ModelTheory(Engine = CheckEngine.Dfs)]
    public static TwoPhaseCommit TwoPhaseCommitWithThreeResourceManagers() => new(3);

    /// <summary>Paxos with two clients: linearizable, and a value is chosen (16,668 states).</summary>
    [ModelTheory]
    public static ActorModel<RegisterMsg<ulong, char, Paxos.PaxosMsg>, RegisterHistory> PaxosWithTwoClients() =>
        Paxos.Model(clientCount: 2);

    /// <summary>ABD on two servers with two clients: linearizable (544 states).</summary>
    [ModelTheory]
    public static ActorModel<RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>, RegisterHistory> AbdOnTwoServers() =>
        LinearizableRegister.Model(clientCount: 2, serverCount: 2);

    /// <summary>An unreplicated register copied to two servers is not linearizable: the counterexample is expected.</summary>
    [ModelTheory]
    [ExpectDiscovery("linearizable")]
    public static ActorModel<RegisterMsg<ulong, char, Unit>, RegisterHistory> SingleCopyRegisterOnTwoServers() =>
        SingleCopyRegister.Model(clientCount: 2, serverCount: 2);
}
