using Xunit.Abstractions;
using Xunit.Sdk;

namespace Stateright.Testing.Xunit;

/// <summary>
/// Turns a <see cref="ModelTheoryAttribute"/> method into one test case per property. It builds the
/// model to read property names but never runs the checker; a model that cannot be built yields a
/// single failing case with the error, so the method never silently vanishes.
/// </summary>
public sealed class ModelTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var attribute = ModelTheoryAttributes.Read(testMethod, factAttribute);
        if (!string.IsNullOrEmpty(factAttribute.GetNamedArgument<string>(nameof(ModelTheoryAttribute.Skip))))
            return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
        try
        {
            var properties = ModelTestRunner.DiscoverProperties(attribute.Method, attribute.Options);
            return properties.Select(p => (IXunitTestCase)new ModelPropertyTestCase(diagnosticMessageSink, display, displayOptions, testMethod, p)).ToArray();
        }
        catch (Exception e)
        {
            var message = e is ModelTestConfigurationException
                ? e.Message
                : $"The model of {testMethod.TestClass.Class.Name}.{testMethod.Method.Name} could not be built: {e.GetType().FullName}: {e.Message}";
            return [new ExecutionErrorTestCase(diagnosticMessageSink, display, displayOptions, testMethod, message)];
        }
    }
}
