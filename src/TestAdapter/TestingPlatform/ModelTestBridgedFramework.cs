using System.Reflection;
using Microsoft.Testing.Extensions.VSTestBridge;
using Microsoft.Testing.Extensions.VSTestBridge.Requests;
using Microsoft.Testing.Platform.Capabilities.TestFramework;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Messages;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Stateright.Testing.TestAdapter.TestingPlatform;

/// <summary>
/// The adapter as a Microsoft.Testing.Platform test framework: the bridge hands it VSTest contexts and
/// turns its test cases and results into test nodes, so names, outcomes and attachments are the same
/// as under VSTest.
/// </summary>
internal sealed class ModelTestBridgedFramework(ModelTestExtension extension, Func<IEnumerable<Assembly>> getTestAssemblies, IServiceProvider serviceProvider, ITestFrameworkCapabilities capabilities)
    : SynchronizedSingleSessionVSTestBridgedTestFramework(extension, getTestAssemblies, serviceProvider, capabilities)
{
    // The bridge runs a node selection (Test Explorer's "run these") as a FullyQualifiedName filter
    // built from the node uids, so uids are the fully qualified names (unique per property).
    protected override bool UseFullyQualifiedNameAsTestNodeUid => true;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _assemblyNames = new(StringComparer.Ordinal);

    protected override Task SynchronizedDiscoverTestsAsync(VSTestDiscoverTestExecutionRequest request, IMessageBus messageBus, CancellationToken cancellationToken)
    {
        new ModelTestAdapter().DiscoverTests(request.AssemblyPaths, request.DiscoveryContext, request.MessageLogger, request.DiscoverySink);
        return Task.CompletedTask;
    }

    protected override Task SynchronizedRunTestsAsync(VSTestRunTestExecutionRequest request, IMessageBus messageBus, CancellationToken cancellationToken)
    {
        new ModelTestAdapter().RunTests(request.AssemblyPaths, request.RunContext, request.FrameworkHandle, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>Adds the structured method identity, which IDEs use to group nodes by namespace, class and method.</summary>
    protected override void AddAdditionalProperties(TestNode testNode, TestCase testCase)
    {
        if (testCase.GetPropertyValue(AdapterProperties.ManagedType) is not string managedType
            || testCase.GetPropertyValue(AdapterProperties.ManagedMethod) is not string managedMethod) return;
        var hierarchy = testCase.GetPropertyValue(AdapterProperties.Hierarchy) as string[];
        var ns = hierarchy?[AdapterProperties.NamespaceLevel] ?? "";
        var typeName = hierarchy?[AdapterProperties.ClassLevel] ?? managedType;
        testNode.Properties.Add(new TestMethodIdentifierProperty(
            assemblyFullName: _assemblyNames.GetOrAdd(testCase.Source, static source => AssemblyName.GetAssemblyName(source).FullName),
            @namespace: ns,
            typeName: typeName,
            methodName: managedMethod,
            methodArity: 0,
            parameterTypeFullNames: [],
            returnTypeFullName: ""));
    }
}
