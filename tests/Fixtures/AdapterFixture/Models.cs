using Fixtures;
using Stateright.Testing;

namespace AdapterFixture;

// The shared scenarios (tests/Fixtures/Shared) as [ModelTest] methods for the test adapter; some fail on purpose.
public class FixtureModels
{
    [ModelTest]
    public static SmallCounter Mixed() => Scenarios.Mixed();

    [ModelTest]
    [ExpectDiscovery("known bug")]
    public static SmallCounter KnownBug() => Scenarios.KnownBug();

    [ModelTest]
    public static SmallCounter Broken() => Scenarios.Broken();

    [ModelTest(TimeoutSeconds = 1)]
    public static EndlessCounter Endless() => Scenarios.Endless();

    [ModelTest(Threads = -1)]
    public static SmallCounter BadArguments() => Scenarios.Valid();
}
