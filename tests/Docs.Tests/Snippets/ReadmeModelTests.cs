// README.md: the model tests of each front end (usings above the regions: the README shows only the classes).
using GettingStarted;
using Stateright;
using Stateright.Testing;

namespace Docs.Readme
{
    namespace Xunit
    {
        using Stateright.Testing.Xunit;

        #region readme-xunit
        public class RegisterModelTests
        {
            [ModelTheory]
            [ExpectDiscovery("linearizable")]   // the seed chapter's bug, expected and pinned
            public static IModel SingleServer() => RegisterSystem.Model();
        }
        #endregion
    }

    namespace Adapter
    {
        #region readme-adapter
        public class RegisterModelTests
        {
            [ModelTest]
            [ExpectDiscovery("linearizable")]
            public static IModel SingleServer() => RegisterSystem.Model();
        }
        #endregion
    }
}
