using Xunit.Sdk;
using Xunit.v3;

namespace Stateright.Testing.XunitV3;

/// <summary>
/// Turns a <see cref="ModelTheoryAttribute"/> method into the core's test cases, one per property (or
/// one that fails with the reason when the model cannot be built). Never runs the checker.
/// </summary>
public sealed class ModelTheoryDiscoverer : IXunitTestCaseDiscoverer
{
    /// <inheritdoc/>
    public ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        var attribute = factAttribute as ModelTheoryAttribute
            ?? throw new ArgumentException($"Expected a [ModelTheory] attribute, got {factAttribute?.GetType().Name ?? "null"}.", nameof(factAttribute));
        var details = TestIntrospectionHelper.GetTestCaseDetails(discoveryOptions, testMethod, factAttribute);
        var cases = ModelTestDiscovery.Discover(testMethod.Method, attribute)
            .Select(c => (IXunitTestCase)new ModelPropertyTestCase(details.ResolvedTestMethod, details.TestCaseDisplayName, details.UniqueID, details.Explicit,
                new SkipSettings(details.SkipReason, details.SkipType, details.SkipUnless, details.SkipWhen), c))
            .ToArray();
        return new(cases);
    }
}
