// docs/xunit.md: the model test every front-end page starts from (RegisterSystem is samples/GettingStarted's).
using GettingStarted;

namespace Docs.Xunit;

#region xunit-model-theory
using Stateright;                // IModel
using Stateright.Testing;        // ExpectDiscovery, CheckEngine
using Stateright.Testing.Xunit;  // xUnit v2; for xUnit v3: using Stateright.Testing.XunitV3;

public class RegisterModelTests
{
    [ModelTheory]
    [ExpectDiscovery("linearizable")]          // a known bug: its counterexample is expected
    public static IModel SingleServer() => RegisterSystem.Model();
}
#endregion
