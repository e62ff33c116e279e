using Fixtures;
using Stateright.Testing;
using Stateright.Testing.XunitV3;

namespace XunitV3Fixture;

// The shared scenarios (tests/Fixtures/Shared) as xUnit v3 model theories; some fail on purpose.
public class FixtureModels
{
    [ModelTheory]
    public static SmallCounter Mixed() => Scenarios.Mixed();

    [ModelTheory]
    [ExpectDiscovery("known bug")]
    public static SmallCounter KnownBug() => Scenarios.KnownBug();

    [ModelTheory]
    public static SmallCounter Broken() => Scenarios.Broken();

    [ModelTheory(TimeoutSeconds = 1)]
    public static EndlessCounter Endless() => Scenarios.Endless();

    [ModelTheory(Threads = -1)]
    public static SmallCounter BadArguments() => Scenarios.Valid();
}
