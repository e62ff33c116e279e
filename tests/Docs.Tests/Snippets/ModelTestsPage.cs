// docs/model-tests.md: the model test every front-end page starts from (RegisterSystem is samples/GettingStarted's).
using GettingStarted;

namespace Docs.ModelTests;

#region model-tests-options
using Stateright;                  // IModel
using Stateright.Testing;          // ExpectDiscovery, CheckEngine
using Stateright.Testing.Xunit;    // or .XunitV3 / .NUnit; the adapter uses [ModelTest] from Stateright.Testing

public class RegisterModelTests
{
    [ModelTheory(Engine = CheckEngine.Bfs, Threads = 2)]
    [ExpectDiscovery("linearizable")]             // a known bug, pinned by its snapshot
    public static IModel SingleServer() => RegisterSystem.Model();
}
#endregion
