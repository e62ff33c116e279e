namespace Stateright.Testing;

/// <summary>How a model test case ended, before a front end maps it to its framework's outcome.</summary>
public enum ModelTestOutcomeKind
{
    /// <summary>The property met its expectation (and its snapshot matched).</summary>
    Passed,

    /// <summary>The property did not meet its expectation, or its snapshot differs.</summary>
    Failed,

    /// <summary>The case was skipped (the attribute's <c>Skip</c>); the checker did not run.</summary>
    Skipped,

    /// <summary>The model test could not run or the model threw: a bad argument, a factory or model callback that threw.</summary>
    Error,

    /// <summary>
    /// Checking stopped before the verdict was known (timeout, bound, cancellation). Front ends report
    /// it as a failure: an incomplete run is never a pass.
    /// </summary>
    Incomplete,
}

/// <summary>What kind of file an artifact is.</summary>
public enum ModelTestArtifactKind
{
    /// <summary>The discovery's trace as text.</summary>
    Trace,

    /// <summary>A Mermaid sequence diagram of the discovery.</summary>
    SequenceDiagram,

    /// <summary>The received snapshot, written because it differs from (or lacks) the verified one.</summary>
    ReceivedSnapshot,

    /// <summary>The verified snapshot the trace was compared with.</summary>
    VerifiedSnapshot,
}

/// <summary>A file a front end can attach to a test result.</summary>
/// <param name="Path">The absolute path of the file.</param>
/// <param name="Description">A short description for the result view.</param>
/// <param name="Kind">What the file is.</param>
public sealed record ModelTestArtifact(string Path, string Description, ModelTestArtifactKind Kind);

/// <summary>The outcome of one model test case, ready for a front end to translate.</summary>
/// <param name="Kind">How the case ended.</param>
/// <param name="Message">
/// For a failure, the complete message (property, classification, numbered steps, last state, snapshot
/// diff); for a pass, a short note; for a skip, the reason.
/// </param>
/// <param name="Output">Lines for the test's standard output: the shared run's header and progress, the summary, notes.</param>
/// <param name="Duration">How long the shared checker run took.</param>
/// <param name="Artifacts">Files to attach to the result; none for a passed case (its trace is still written under <c>stateright-traces/</c>).</param>
public sealed record ModelTestOutcome(ModelTestOutcomeKind Kind, string Message, IReadOnlyList<string> Output, TimeSpan Duration, IReadOnlyList<ModelTestArtifact> Artifacts)
{
    /// <summary>True for every outcome a front end reports as failed (failed, error, incomplete).</summary>
    public bool IsFailure => Kind is ModelTestOutcomeKind.Failed or ModelTestOutcomeKind.Error or ModelTestOutcomeKind.Incomplete;

    /// <summary>The output lines as one text with LF line endings (empty when there is none).</summary>
    public string OutputText => Output.Count == 0 ? "" : string.Join("\n", Output) + "\n";

    internal static ModelTestOutcome Error(string message, IReadOnlyList<string>? output = null) =>
        new(ModelTestOutcomeKind.Error, message, output ?? [], TimeSpan.Zero, []);
}
