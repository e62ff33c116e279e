using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace Stateright.Testing.NUnit;

/// <summary>
/// Runs one property test of a <see cref="ModelTheoryAttribute"/> method: asks the core for the case's
/// outcome (joining the method's one shared checker run) and translates it into NUnit's result,
/// output and attachments.
/// </summary>
internal sealed class ModelPropertyCommand(Test test, IModelTestAttribute attribute) : TestCommand(test)
{
    public override TestResult Execute(TestExecutionContext context)
    {
        var modelCase = ModelTestDiscovery.ForProperty(Test.Method!.MethodInfo, attribute, Test.Properties.Get(ModelTestCase.PropertyTrait) as string);
        // The core's throttled console lines go to TestContext.Error: NUnit sends them at once, and the NUnit
        // adapter passes them on as warnings, which `dotnet test` prints at its default (minimal) verbosity
        // and MTP prints too (TestContext.Progress becomes an informational message, shown only at normal
        // verbosity). The full list goes to the test's output at the end. They arrive on the
        // checker's thread, where NUnit's current test (an AsyncLocal) is not this one: write them inside
        // this test's execution context so NUnit attributes them to this test.
        var testFlow = ExecutionContext.Capture();
        var name = Test.Name;
        void Console(string line)
        {
            line = $"{name}: {line}"; // the console interleaves tests that run in parallel
            if (testFlow is null) TestContext.Error.WriteLine(line);
            else ExecutionContext.Run(testFlow, state => TestContext.Error.WriteLine((string)state!), line);
        }

        using var stop = new StopSignal(context);
        var outcome = ModelTestRunner.RunAsync(modelCase, new ModelTestProgress(console: Console), stop.Token).GetAwaiter().GetResult();

        context.OutWriter.Write(outcome.OutputText);
        foreach (var artifact in outcome.Artifacts) TestContext.AddTestAttachment(artifact.Path, artifact.Description);
        var result = context.CurrentResult;
        switch (outcome.Kind)
        {
            case ModelTestOutcomeKind.Passed:
                context.OutWriter.WriteLine(outcome.Message);
                result.SetResult(ResultState.Success);
                break;
            case ModelTestOutcomeKind.Skipped:
                result.SetResult(ResultState.Ignored, outcome.Message);
                break;
            default:
                result.SetResult(FailureState(outcome.Kind, stop.Token.IsCancellationRequested), outcome.Message, modelCase.StackTrace);
                break;
        }
        return result;
    }

    /// <summary>NUnit's nearest state for a failure: the model threw (error), the run was stopped (cancelled), or a failed verdict.</summary>
    internal static ResultState FailureState(ModelTestOutcomeKind kind, bool cancelled) => kind switch
    {
        ModelTestOutcomeKind.Error => ResultState.Error,
        ModelTestOutcomeKind.Incomplete when cancelled => ResultState.Cancelled,
        _ => ResultState.Failure,
    };
}
