// docs/nunit.md: the model test every front-end page starts from (RegisterSystem is samples/GettingStarted's).
using GettingStarted;

namespace Docs.NUnit;

#region nunit-model-theory
using Stateright;
using Stateright.Testing;
using Stateright.Testing.NUnit;

public class RegisterModelTests          // no [TestFixture] needed: [ModelTheory] implies it
{
    [ModelTheory]
    [ExpectDiscovery("linearizable")]    // a known bug: its counterexample is expected
    public static IModel SingleServer() => RegisterSystem.Model();
}
#endregion
