using System.ComponentModel;
using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Stateright.Testing.XunitV3;

/// <summary>
/// The xUnit v3 test case for one property of a <see cref="ModelTheoryAttribute"/> method (or for the
/// method itself when its model cannot be built): name, id, trait and source come from the core's
/// <see cref="ModelTestCase"/>. It runs itself through xUnit's own case and test runners, so every
/// message, the output, the attachments and the <c>TestContext</c> are xUnit's.
/// </summary>
public sealed class ModelPropertyTestCase : XunitTestCase, ISelfExecutingXunitTestCase
{
    private const string PropertyNameKey = "StaterightProperty";

    /// <summary>Called by the de-serializer; should only be called by deriving classes for de-serialization purposes.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ModelPropertyTestCase() { }

    /// <summary>Creates the case for <paramref name="modelCase"/>, from the method's xUnit details.</summary>
    internal ModelPropertyTestCase(IXunitTestMethod testMethod, string methodDisplayName, string methodUniqueId, bool isExplicit, SkipSettings skip, ModelTestCase modelCase)
        : base(
            testMethod,
            modelCase.Property is null ? methodDisplayName : $"{methodDisplayName}({modelCase.Property})",
            UniqueId(methodUniqueId, modelCase),
            isExplicit,
            skipExceptions: null,
            skip.Reason,
            skip.Type,
            skip.Unless,
            skip.When,
            TraitsOf(testMethod, modelCase),
            testMethodArguments: null,
            sourceFilePath: modelCase.SourceFilePath.Length > 0 ? modelCase.SourceFilePath : null,
            sourceLineNumber: modelCase.SourceLine > 0 ? modelCase.SourceLine : null,
            // No per-case timeout: it would cut the run the method's cases share (TimeoutSeconds bounds the checker).
            timeout: null)
    {
        PropertyName = modelCase.Property;
    }

    /// <summary>The model property this case reports, or null for the method-level case.</summary>
    public string? PropertyName { get; private set; }

    /// <inheritdoc/>
    public async ValueTask<RunSummary> Run(
        ExplicitOption explicitOption,
        IMessageBus messageBus,
        object?[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource,
        ParallelMode parallelMode,
        ExecutionScheduler scheduler,
        FixtureMappingManager methodFixtureMappings)
    {
        var tests = await aggregator.RunAsync(CreateTests, []).ConfigureAwait(false);
        return await ModelPropertyTestCaseRunner.Instance.Run(
            this, tests, messageBus, aggregator.Clone(), cancellationTokenSource, parallelMode, scheduler,
            TestCaseDisplayName, SkipReason, explicitOption, constructorArguments, methodFixtureMappings).ConfigureAwait(false);
    }

    /// <summary>The core's case, rebuilt from the method and the property name.</summary>
    internal ModelTestCase ModelCase()
    {
        var method = TestMethod.Method;
        var attribute = method.GetCustomAttribute<ModelTheoryAttribute>()
            ?? throw new InvalidOperationException($"{method.Name} has no [ModelTheory] attribute.");
        return ModelTestDiscovery.ForProperty(method, attribute, PropertyName);
    }

    /// <inheritdoc/>
    protected override void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        base.Serialize(info);
        info.AddValue(PropertyNameKey, PropertyName);
    }

    /// <inheritdoc/>
    protected override void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        base.Deserialize(info);
        PropertyName = info.GetValue<string>(PropertyNameKey);
    }

    // xUnit's id for the method, made distinct per property with the core's id (else runners drop all but one case).
    private static string UniqueId(string methodUniqueId, ModelTestCase modelCase)
    {
        using var generator = new UniqueIDGenerator();
        generator.Add(methodUniqueId);
        generator.Add(modelCase.Id);
        return generator.Compute();
    }

    private static Dictionary<string, HashSet<string>> TraitsOf(IXunitTestMethod testMethod, ModelTestCase modelCase)
    {
        var traits = TestIntrospectionHelper.GetTraits(testMethod, null);
        foreach (var (key, value) in modelCase.Traits)
            traits[key] = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { value };
        return traits;
    }
}

/// <summary>xUnit's skip settings of a method (<c>Skip</c>, and <c>SkipUnless</c> / <c>SkipWhen</c> on <c>SkipType</c>), which xUnit evaluates before a case runs.</summary>
internal sealed record SkipSettings(string? Reason, Type? Type, string? Unless, string? When);
