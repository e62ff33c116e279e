using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Stateright.Testing.Xunit;

/// <summary>
/// Turns a <see cref="ModelTheoryAttribute"/> method into the core's test cases, one per property (or
/// one that fails with the reason when the model cannot be built). Never runs the checker.
/// </summary>
public sealed class ModelTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var (method, attribute) = ModelPropertyTestCase.Resolve(testMethod);
        return ModelTestDiscovery.Discover(method, attribute)
            .Select(c => (IXunitTestCase)new ModelPropertyTestCase(diagnosticMessageSink, display, displayOptions, testMethod, c.Property))
            .ToArray();
    }
}
