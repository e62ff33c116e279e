using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Stateright.Testing.Xunit;

/// <summary>Reads a method's <see cref="ModelTheoryAttribute"/> and <see cref="ExpectDiscoveryAttribute"/>s into the core's options.</summary>
internal static class ModelTheoryAttributes
{
    public static (ModelMethod Method, ModelTestOptions Options) Read(ITestMethod testMethod, IAttributeInfo? attribute = null)
    {
        var method = testMethod.Method.ToRuntimeMethod()
            ?? throw new ModelTestConfigurationException($"Cannot load method {testMethod.Method.Name} of {testMethod.TestClass.Class.Name}.");
        var theory = method.GetCustomAttribute<ModelTheoryAttribute>()
            ?? throw new ModelTestConfigurationException($"{testMethod.Method.Name} has no [ModelTheory] attribute.");
        var options = new ModelTestOptions
        {
            Engine = theory.Engine,
            Threads = theory.Threads == 0 ? Environment.ProcessorCount : theory.Threads,
            TargetStateCount = theory.TargetStateCount,
            TargetMaxDepth = theory.TargetMaxDepth,
            TimeoutSeconds = theory.TimeoutSeconds,
            Symmetry = theory.Symmetry,
            Seed = theory.Seed,
            ExpectedDiscoveries = method.GetCustomAttributes<ExpectDiscoveryAttribute>().Select(a => a.PropertyName).ToArray(),
        };
        return (new ModelMethod(method, theory.SourceFilePath, theory.SourceLineNumber), options);
    }
}
