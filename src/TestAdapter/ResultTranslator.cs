using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Stateright.Testing.TestAdapter;

/// <summary>Translates the core's <see cref="ModelTestOutcome"/> into a VSTest <see cref="TestResult"/>.</summary>
internal static class ResultTranslator
{
    private static readonly Uri s_executorUri = new(AdapterConstants.ExecutorUri);

    /// <summary>The VSTest outcome: failed, error and incomplete are all failures; an incomplete run is never a pass.</summary>
    public static TestOutcome OutcomeOf(ModelTestOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind == ModelTestOutcomeKind.Skipped ? TestOutcome.Skipped
            : outcome.IsFailure ? TestOutcome.Failed
            : TestOutcome.Passed;
    }

    /// <summary>
    /// The result of <paramref name="testCase"/>: outcome, message, a stack line pointing at the model
    /// method, the shared run's output as standard output, and the trace, diagram and snapshot files as attachments.
    /// </summary>
    public static TestResult Translate(TestCase testCase, ModelTestCase modelCase, ModelTestOutcome outcome, DateTimeOffset startTime, DateTimeOffset endTime)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(modelCase);
        ArgumentNullException.ThrowIfNull(outcome);
        var result = new TestResult(testCase)
        {
            Outcome = OutcomeOf(outcome),
            Duration = outcome.Duration,
            StartTime = startTime,
            EndTime = endTime,
            ComputerName = Environment.MachineName,
        };
        var output = outcome.OutputText;
        if (outcome.IsFailure)
        {
            result.ErrorMessage = outcome.Message;
            result.ErrorStackTrace = modelCase.StackTrace;
        }
        else if (outcome.Kind == ModelTestOutcomeKind.Skipped)
        {
            result.ErrorMessage = outcome.Message;
        }
        else if (outcome.Message.Length > 0)
        {
            output += outcome.Message + "\n";
        }
        if (output.Length > 0) result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, output));
        var files = outcome.Artifacts.Where(a => File.Exists(a.Path)).ToArray();
        if (files.Length > 0)
        {
            var set = new AttachmentSet(s_executorUri, "Model checking");
            foreach (var artifact in files) set.Attachments.Add(UriDataAttachment.CreateFrom(artifact.Path, artifact.Description));
            result.Attachments.Add(set);
        }
        return result;
    }
}
