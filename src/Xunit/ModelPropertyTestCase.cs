using System.ComponentModel;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Stateright.Testing.Xunit;

/// <summary>
/// The xUnit test case for one property of a <see cref="ModelTheoryAttribute"/> method (or for the
/// method itself when its model cannot be built): names, id, traits and source come from the core's
/// <see cref="ModelTestCase"/>; running it translates the core's <see cref="ModelTestOutcome"/> into
/// xUnit messages.
/// </summary>
public sealed class ModelPropertyTestCase : XunitTestCase
{
    /// <summary>Called by the de-serializer; should only be called by deriving classes for de-serialization purposes.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ModelPropertyTestCase() { }

    /// <summary>Creates the case for <paramref name="propertyName"/> (null: the method-level case).</summary>
    public ModelPropertyTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string? propertyName)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
        PropertyName = propertyName;
    }

    /// <summary>The model property this case reports, or null for the method-level case.</summary>
    public string? PropertyName { get; private set; }

    /// <inheritdoc/>
    protected override void Initialize()
    {
        base.Initialize();
        var modelCase = ModelCase();
        if (PropertyName is not null) DisplayName = $"{BaseDisplayName}({PropertyName})";
        foreach (var (key, value) in modelCase.Traits) Traits[key] = [value];
        if (modelCase.SourceFilePath.Length > 0)
            SourceInformation = new SourceInformation { FileName = modelCase.SourceFilePath, LineNumber = modelCase.SourceLine };
    }

    /// <inheritdoc/>
    protected override string GetUniqueID() => base.GetUniqueID() + ":" + PropertyName;

    /// <inheritdoc/>
    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue(nameof(PropertyName), PropertyName);
    }

    /// <inheritdoc/>
    public override void Deserialize(IXunitSerializationInfo data)
    {
        PropertyName = data.GetValue<string?>(nameof(PropertyName));
        base.Deserialize(data);
    }

    /// <inheritdoc/>
    public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        var test = new XunitTest(this, DisplayName);
        void Send(IMessageSinkMessage message) { if (!messageBus.QueueMessage(message)) cancellationTokenSource.Cancel(); }
        Send(new TestCaseStarting(this));
        Send(new TestStarting(test));

        // Live progress: every line as test output (for runners that stream it), and the core's throttled
        // few as diagnostic messages, which `dotnet test` prints while the check runs: the package's
        // buildTransitive targets turn xUnit's diagnostic messages on for `dotnet test`.
        void Output(string line) => messageBus.QueueMessage(new TestOutput(test, line + "\n"));
        void Console(string line) => diagnosticMessageSink.OnMessage(new DiagnosticMessage($"{DisplayName}: {line}"));
        var outcome = await ModelTestRunner.RunAsync(ModelCase(), new ModelTestProgress(Output, Console), cancellationTokenSource.Token).ConfigureAwait(false);

        var seconds = (decimal)outcome.Duration.TotalSeconds;
        var output = outcome.OutputText;
        var summary = new RunSummary { Total = 1, Time = seconds };
        if (outcome.Kind == ModelTestOutcomeKind.Skipped)
        {
            summary.Skipped = 1;
            Send(new TestSkipped(test, outcome.Message));
        }
        else if (outcome.IsFailure)
        {
            summary.Failed = 1;
            var artifacts = outcome.Artifacts.Count == 0 ? "" : "Artifacts:\n" + string.Concat(outcome.Artifacts.Select(a => $"  {a.Description}: {a.Path}\n"));
            Send(new TestFailed(test, seconds, output + artifacts, ["Stateright.ModelPropertyFailure"], [outcome.Message], [ModelCase().StackTrace], [-1]));
        }
        else
        {
            Send(new TestPassed(test, seconds, output + outcome.Message + "\n"));
        }
        Send(new TestFinished(test, seconds, output));
        Send(new TestCaseFinished(this, seconds, 1, summary.Failed, summary.Skipped));
        return summary;
    }

    private ModelTestCase ModelCase()
    {
        var (method, attribute) = Resolve(TestMethod);
        return ModelTestDiscovery.ForProperty(method, attribute, PropertyName);
    }

    /// <summary>The runtime method and its attribute.</summary>
    internal static (MethodInfo Method, ModelTheoryAttribute Attribute) Resolve(ITestMethod testMethod)
    {
        var method = testMethod.Method.ToRuntimeMethod()
            ?? throw new InvalidOperationException($"Cannot load method {testMethod.Method.Name} of {testMethod.TestClass.Class.Name}.");
        return (method, method.GetCustomAttribute<ModelTheoryAttribute>()
            ?? throw new InvalidOperationException($"{testMethod.Method.Name} has no [ModelTheory] attribute."));
    }
}
