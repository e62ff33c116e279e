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

// Checks for 15 seconds when STATERIGHT_FIXTURE_SLOW=1 (tests/XunitV3.Tests then reads its live progress
// from the console of `dotnet test`); otherwise it passes at once. Outside FixtureModels, whose results
// the other end-to-end tests count.
public class LiveProgress
{
    [ModelTheory(TimeoutSeconds = 15, Threads = 1)]
    public static SlowCounter Slow() => Scenarios.Slow();
}
