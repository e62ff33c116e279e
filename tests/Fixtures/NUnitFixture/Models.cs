using Fixtures;
using NUnit.Framework;
using Stateright.Testing;
using Stateright.Testing.NUnit;

namespace NUnitFixture;

// The shared scenarios (tests/Fixtures/Shared) as NUnit model theories; some fail on purpose.
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

// NUnit-only scenarios: NUnit's own stop signal, and signatures NUnit itself would reject.
public class NUnitModels
{
    // No checker timeout: only NUnit's [CancelAfter] stops it, so it passes only if cancellation is honoured.
    [ModelTheory]
    [CancelAfter(1000)]
    public static EndlessCounter Cancelled() => Scenarios.Endless();

    [ModelTheory]
    public static SmallCounter WithParameter(int size) => Scenarios.Valid();

    [ModelTheory]
    public static void ReturnsVoid() { }

    [ModelTheory]
    public static int NotAModel() => 42;

    [ModelTheory]
    [ExpectDiscovery("no such property")]
    public static SmallCounter UnknownDiscovery() => Scenarios.Valid();

    [ModelTheory(Skip = "not today")]
    public static SmallCounter Skipped() => Scenarios.Valid();
}

// A check that runs for 15 seconds (the incomplete verdict fails it): tests/NUnit.Tests reads its live
// progress from the console of `dotnet test`. The other end-to-end runs leave this class out.
public class LiveProgress
{
    [ModelTheory(TimeoutSeconds = 15, Threads = 1)]
    public static SlowCounter Slow() => Scenarios.Slow();
}
