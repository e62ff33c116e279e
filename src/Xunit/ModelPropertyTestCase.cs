using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Stateright.Testing.Xunit;

/// <summary>
/// The test case for one property of a <see cref="ModelTheoryAttribute"/> method: named
/// <c>Method(property)</c>, with its own unique id, a <c>ModelProperty</c> trait and a source location.
/// Running it joins the method's shared checker run and reports this property's verdict.
/// </summary>
public sealed class ModelPropertyTestCase : XunitTestCase
{
    /// <summary>Called by the de-serializer; should only be called by deriving classes for de-serialization purposes.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ModelPropertyTestCase() => PropertyName = "";

    /// <summary>Creates the case for <paramref name="propertyName"/>.</summary>
    public ModelPropertyTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string propertyName)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
        PropertyName = propertyName;
    }

    /// <summary>The model property this case reports.</summary>
    public string PropertyName { get; private set; }

    /// <inheritdoc/>
    protected override void Initialize()
    {
        base.Initialize();
        DisplayName = $"{BaseDisplayName}({PropertyName})";
        Traits["ModelProperty"] = [PropertyName];
        if (TestMethod.Method.ToRuntimeMethod()?.GetCustomAttributes(typeof(ModelTheoryAttribute), false).FirstOrDefault() is ModelTheoryAttribute theory
            && !string.IsNullOrEmpty(theory.SourceFilePath))
            SourceInformation = new SourceInformation { FileName = theory.SourceFilePath, LineNumber = theory.SourceLineNumber };
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
        PropertyName = data.GetValue<string>(nameof(PropertyName));
        base.Deserialize(data);
    }

    /// <inheritdoc/>
    public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        var test = new XunitTest(this, DisplayName);
        var summary = new RunSummary { Total = 1 };
        if (!messageBus.QueueMessage(new TestCaseStarting(this))) cancellationTokenSource.Cancel();
        if (!messageBus.QueueMessage(new TestStarting(test))) cancellationTokenSource.Cancel();

        PropertyTestResult result;
        try
        {
            var (method, options) = ModelTheoryAttributes.Read(TestMethod);
            result = await ModelTestRunner.RunPropertyAsync(method, options, PropertyName, cancellationToken: cancellationTokenSource.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            result = new PropertyTestResult(false, $"{e.GetType().Name}: {e.Message}", "", TimeSpan.Zero);
        }

        var seconds = (decimal)result.Duration.TotalSeconds;
        var output = result.Output.Length > 0 ? result.Output + "\n" : "";
        if (result.Passed)
        {
            output += result.Message + "\n";
            if (!messageBus.QueueMessage(new TestPassed(test, seconds, output))) cancellationTokenSource.Cancel();
        }
        else
        {
            summary.Failed = 1;
            var location = TestMethod.Method.ToRuntimeMethod() is { } m ? $"   at {m.DeclaringType?.FullName}.{m.Name}() in {SourceInformation?.FileName}:line {SourceInformation?.LineNumber}" : "";
            var failed = new TestFailed(test, seconds, output, ["Stateright.ModelPropertyFailure"], [result.Message], [location], [-1]);
            if (!messageBus.QueueMessage(failed)) cancellationTokenSource.Cancel();
        }
        summary.Time = seconds;
        if (!messageBus.QueueMessage(new TestFinished(test, seconds, output))) cancellationTokenSource.Cancel();
        if (!messageBus.QueueMessage(new TestCaseFinished(this, seconds, 1, summary.Failed, 0))) cancellationTokenSource.Cancel();
        return summary;
    }
}
