using System.Runtime.CompilerServices;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using NUnit.Framework.Internal.Commands;

namespace Stateright.Testing.NUnit;

/// <summary>
/// Marks a method that returns a model (<c>Model&lt;TState, TAction&gt;</c>, e.g. an <c>ActorModel</c>):
/// each of the model's properties becomes its own NUnit test, <c>Method(property)</c>, grouped under the
/// method, and the checker runs once for all of them. A discovery's trace is compared with a snapshot
/// file beside the source. Combine with <see cref="ExpectDiscoveryAttribute"/> (from
/// <c>Stateright.Testing</c>) for known bugs. Takes the same arguments as xUnit's <c>[ModelTheory]</c>.
/// </summary>
/// <example><code>
/// public class RegisterTests
/// {
///     [ModelTheory]
///     [ExpectDiscovery("linearizable")]
///     public static ActorModel&lt;…&gt; SingleServer() =&gt; RegisterSystem.Model();
/// }
/// </code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ModelTheoryAttribute([CallerFilePath] string sourceFilePath = "", [CallerLineNumber] int sourceLineNumber = 0)
    : NUnitAttribute, ITestBuilder, IImplyFixture, IWrapTestMethod, IModelTestAttribute
{
    /// <summary>NUnit's property that overrides the source file the adapter navigates to.</summary>
    internal const string CodeFilePathProperty = "_CodeFilePath";

    /// <summary>NUnit's property that overrides the source line the adapter navigates to.</summary>
    internal const string LineNumberProperty = "_LineNumber";

    /// <inheritdoc/>
    public string SourceFilePath { get; } = sourceFilePath;

    /// <inheritdoc/>
    public int SourceLineNumber { get; } = sourceLineNumber;

    /// <inheritdoc/>
    public CheckEngine Engine { get; set; } = CheckEngine.Bfs;

    /// <inheritdoc/>
    public int Threads { get; set; }

    /// <inheritdoc/>
    public long TargetStateCount { get; set; }

    /// <inheritdoc/>
    public int TargetMaxDepth { get; set; }

    /// <inheritdoc/>
    public double TimeoutSeconds { get; set; }

    /// <inheritdoc/>
    public bool Symmetry { get; set; }

    /// <inheritdoc/>
    public long Seed { get; set; }

    /// <inheritdoc/>
    public string? Skip { get; set; }

    /// <summary>
    /// Builds one NUnit test per case of the core's discovery (never runs the checker); NUnit places them
    /// under a parameterized-method suite named after the method.
    /// </summary>
    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        ArgumentNullException.ThrowIfNull(method);
        var builder = new NUnitTestCaseBuilder();
        foreach (var modelCase in ModelTestDiscovery.Discover(method.MethodInfo, this))
        {
            // ExpectedResult = null makes NUnit accept a method that returns a value (the model);
            // Wrap replaces the command that would compare it, so the method is never called by NUnit.
            var parameters = new TestCaseParameters { TestName = modelCase.DisplayName, ExpectedResult = null };
            foreach (var (key, value) in modelCase.Traits) parameters.Properties.Set(key, value);
            if (modelCase.SourceFilePath.Length > 0)
            {
                parameters.Properties.Set(CodeFilePathProperty, modelCase.SourceFilePath);
                parameters.Properties.Set(LineNumberProperty, modelCase.SourceLine);
            }
            if (modelCase.Skip is not null)
            {
                parameters.RunState = RunState.Ignored;
                parameters.Properties.Set(PropertyNames.SkipReason, modelCase.Skip);
            }
            var test = builder.BuildTestMethod(method, suite, parameters);
            if (modelCase.DiscoveryError is not null && test.RunState == RunState.NotRunnable)
            {
                // NUnit rejects the signature (parameters, void) with its own reason; the core's reason
                // is the one to report, so the test runs and fails with it.
                test.RunState = RunState.Runnable;
                test.Properties[PropertyNames.SkipReason].Clear();
            }
            yield return test;
        }
    }

    /// <summary>Replaces NUnit's invocation of the method with a run of the case's property.</summary>
    public TestCommand Wrap(TestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new ModelPropertyCommand(command.Test, this);
    }
}
