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

    // Checks for 15 seconds when STATERIGHT_FIXTURE_SLOW=1 (tests/TestAdapter.Tests then reads its live
    // progress from the console of `dotnet test`); otherwise it passes at once.
    [ModelTest(TimeoutSeconds = 15, Threads = 1)]
    public static SlowCounter Slow() => Scenarios.Slow();
}
