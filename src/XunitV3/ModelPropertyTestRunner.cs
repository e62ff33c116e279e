using System.Diagnostics;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Stateright.Testing.XunitV3;

/// <summary>
/// xUnit's test runner with the method call replaced by the core's <see cref="ModelTestRunner"/>: the
/// checker's output goes to the test output, its files (trace, diagram, snapshots) become attachments
/// (so no list of paths in the output, unlike the v2 front end), and a failing outcome is thrown so that
/// xUnit reports it (with a stack line pointing at the model method).
/// </summary>
internal sealed class ModelPropertyTestRunner : XunitTestRunner
{
    public static new ModelPropertyTestRunner Instance { get; } = new();

    // The core builds the model itself (the method is called once per run, not once per case).
    protected override bool IsTestClassCreatable(XunitTestRunnerContext ctxt) => false;

    protected override async ValueTask<TimeSpan> InvokeTest(XunitTestRunnerContext ctxt, object? testClassInstance)
    {
        ArgumentNullException.ThrowIfNull(ctxt);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await RunAsync(((ModelPropertyTestCase)ctxt.Test.TestCase).ModelCase()).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            ctxt.Aggregator.Add(e);
        }
        return stopwatch.Elapsed;
    }

    private static async Task RunAsync(ModelTestCase modelCase)
    {
        var context = TestContext.Current;
        var output = context.TestOutputHelper;
        var name = context.Test?.TestDisplayName ?? modelCase.DisplayName;
        // Live lines are a prefix of the outcome's output (the core's contract): write the rest afterwards.
        // The core's throttled few also go to the console as they happen: under Microsoft.Testing.Platform to
        // its output device, through the package's extension (LiveConsole); otherwise (VSTest) as diagnostic
        // messages, which the package's buildTransitive targets turn on for `dotnet test`, as the v2 front end's do.
        var written = 0;
        void Output(string line)
        {
            output?.WriteLine(line);
            written++;
        }
        void Console(string line)
        {
            line = $"{name}: {line}"; // the console interleaves tests that run in parallel
            if (!LiveConsole.TryWrite(line)) context.SendDiagnosticMessage(line);
        }
        var outcome = await ModelTestRunner.RunAsync(modelCase, new ModelTestProgress(Output, Console), context.CancellationToken).ConfigureAwait(false);
        foreach (var line in outcome.Output.Skip(Volatile.Read(ref written))) output?.WriteLine(line);
        foreach (var artifact in outcome.Artifacts) Attach(context, artifact);

        if (outcome.Kind == ModelTestOutcomeKind.Skipped) throw new SkippedModelProperty(outcome.Message);
        if (outcome.IsFailure) throw new ModelPropertyFailure(outcome.Message, modelCase.StackTrace);
        output?.WriteLine(outcome.Message);
    }

    private static void Attach(ITestContext context, ModelTestArtifact artifact)
    {
        // The runners name attachment files "<name>.txt" for text/plain, so the name leaves out ".txt".
        var file = Path.GetFileName(artifact.Path);
        var name = file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? file[..^4] : file;
        try
        {
            context.AddAttachment(name, File.ReadAllBytes(artifact.Path), replaceExistingValue: true, "text/plain");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.TestOutputHelper?.WriteLine($"Could not attach {artifact.Path}: {e.Message}");
        }
    }

    /// <summary>xUnit v3 reports an exception whose message starts with its dynamic-skip token as a skip.</summary>
    private sealed class SkippedModelProperty(string reason) : Exception(DynamicSkipToken.Value + reason);
}
