// docs/test-adapter.md: the model test every front-end page starts from (RegisterSystem is samples/GettingStarted's).
using GettingStarted;

namespace Docs.TestAdapter;

#region test-adapter-model-test
using Stateright;           // IModel
using Stateright.Testing;   // [ModelTest], [ExpectDiscovery], CheckEngine

public class RegisterModelTests
{
    [ModelTest]                                  // same options as [ModelTheory]: Engine, Threads, TimeoutSeconds, …
    [ExpectDiscovery("linearizable")]            // a known bug: its counterexample is expected and pinned
    public static IModel SingleServer() => RegisterSystem.Model();
}
#endregion
