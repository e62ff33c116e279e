namespace Stateright.Testing;

/// <summary>
/// What every front end's model-test attribute supplies (xUnit's and NUnit's <c>[ModelTheory]</c>,
/// the test adapter's <see cref="ModelTestAttribute"/>): the raw argument values, read into
/// <see cref="ModelTestOptions"/> by <see cref="ModelTestOptions.From"/> and validated there once.
/// </summary>
public interface IModelTestAttribute
{
    /// <summary>The engine: BFS (default; shortest counterexamples), DFS or Simulation.</summary>
    CheckEngine Engine { get; }

    /// <summary>Checker threads; 0 means all cores. Results do not depend on it.</summary>
    int Threads { get; }

    /// <summary>Stop after this many generated states (0 = none). A run stopped this way fails as incomplete.</summary>
    long TargetStateCount { get; }

    /// <summary>Leave states at this depth unchecked (0 = none). A run stopped this way fails as incomplete.</summary>
    int TargetMaxDepth { get; }

    /// <summary>Stop checking after this many seconds (0 = none). A run stopped this way fails as incomplete.</summary>
    double TimeoutSeconds { get; }

    /// <summary>Check with symmetry reduction (the state must implement <c>IRepresentative&lt;TSelf&gt;</c>).</summary>
    bool Symmetry { get; }

    /// <summary>The simulation seed.</summary>
    long Seed { get; }

    /// <summary>When set, every case of the method is skipped with this reason.</summary>
    string? Skip { get; }

    /// <summary>The source file of the test method (from <c>[CallerFilePath]</c>): snapshots go beside it.</summary>
    string SourceFilePath { get; }

    /// <summary>The line of the attribute (from <c>[CallerLineNumber]</c>), for navigation.</summary>
    int SourceLineNumber { get; }
}
