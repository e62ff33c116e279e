using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace Stateright.Testing.TestAdapter.Tests;

/// <summary>Plays the IDE's side of VSTest: records discovered cases, messages, starts, results and ends.</summary>
internal sealed class RecordingHandle : IFrameworkHandle, ITestCaseDiscoverySink, IDiscoveryContext
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<TestCase> Cases { get; } = [];

    public List<TestResult> Results { get; } = [];

    public List<TestCase> Started { get; } = [];

    public List<(TestCase Case, TestOutcome Outcome)> Ended { get; } = [];

    public List<(TestMessageLevel Level, string Message)> Messages { get; } = [];

    /// <summary>Completes when the first case starts.</summary>
    public Task FirstStart => _started.Task;

    public bool EnableShutdownAfterTestRun { get; set; }

    public IRunSettings? RunSettings => null;

    public void SendTestCase(TestCase discoveredTest) { lock (Cases) Cases.Add(discoveredTest); }

    public void SendMessage(TestMessageLevel testMessageLevel, string message) { lock (Messages) Messages.Add((testMessageLevel, message)); }

    public void RecordStart(TestCase testCase)
    {
        lock (Started) Started.Add(testCase);
        _started.TrySetResult();
    }

    public void RecordResult(TestResult testResult) { lock (Results) Results.Add(testResult); }

    public void RecordEnd(TestCase testCase, TestOutcome outcome) { lock (Ended) Ended.Add((testCase, outcome)); }

    public void RecordAttachments(IList<AttachmentSet> attachmentSets) { }

    public int LaunchProcessWithDebuggerAttached(string filePath, string? workingDirectory, string? arguments, IDictionary<string, string?>? environmentVariables) =>
        throw new NotSupportedException();
}
