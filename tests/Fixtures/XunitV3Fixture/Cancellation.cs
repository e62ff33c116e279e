using System.Reflection;
using Fixtures;
using Stateright.Testing.XunitV3;
using Xunit.v3;

namespace XunitV3Fixture;

// A model only cancellation stops (no TimeoutSeconds), cancelled through xUnit's TestContext two seconds
// into its test. Explicit, so that it runs only when asked for (tests/XunitV3.Tests runs it with --explicit only).
public class Cancellation
{
    [ModelTheory(Explicit = true, Threads = 1)]
    [CancelAfterTwoSeconds]
    public static EndlessCounter Forever() => Scenarios.Endless();
}

/// <summary>Cancels the current test (its TestContext.Current.CancellationToken) two seconds after it starts.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CancelAfterTwoSecondsAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        var context = Xunit.TestContext.Current;
        _ = Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => context.CancelCurrentTest(), TaskScheduler.Default);
    }
}
