// README.md "Model tests in NUnit".
using GettingStarted;
using Stateright;

namespace Docs.Readme.NUnit;

#region readme-nunit
using Stateright.Testing;
using Stateright.Testing.NUnit;

public class RegisterModelTests
{
    [ModelTheory]
    [ExpectDiscovery("linearizable")]
    public static IModel SingleServer() => RegisterSystem.Model();
}
#endregion
