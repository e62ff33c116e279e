namespace Stateright.Testing;

/// <summary>What the checker concluded about one property.</summary>
public enum VerdictKind
{
    /// <summary>An <c>Always</c>/<c>Eventually</c> property has no counterexample, and every state was checked.</summary>
    Holds,

    /// <summary>An <c>Always</c>/<c>Eventually</c> property has a counterexample.</summary>
    Violated,

    /// <summary>A <c>Sometimes</c> property has an example.</summary>
    ExampleFound,

    /// <summary>A <c>Sometimes</c> property has no example, and every state was checked.</summary>
    NoExample,

    /// <summary>No discovery, but checking stopped early (timeout, target, cancellation): the verdict is unknown.</summary>
    Incomplete,

    /// <summary>The model threw.</summary>
    Error,
}

/// <summary>One property's verdict, with the rendered trace of its discovery.</summary>
/// <param name="Name">The property.</param>
/// <param name="Expectation">Its expectation.</param>
/// <param name="Kind">The verdict.</param>
/// <param name="Trace">The discovery rendered as text (numbered steps with states), or null.</param>
/// <param name="IndexPath">The discovery's index path, or null.</param>
public sealed record PropertyVerdict(string Name, Expectation Expectation, VerdictKind Kind, string? Trace, string? IndexPath);

/// <summary>The result of one checker run for a model method: a verdict per property and the run's statistics.</summary>
public sealed record ModelRunResult(
    IReadOnlyList<PropertyVerdict> Verdicts,
    CheckerStatus Status,
    long StateCount,
    long UniqueStateCount,
    int MaxDepth,
    TimeSpan Elapsed,
    Exception? Error)
{
    /// <summary>Lines of progress written while the checker ran.</summary>
    public IReadOnlyList<string> Progress { get; init; } = [];

    /// <summary>The report line, as the Rust library prints it.</summary>
    public string Summary => $"Done. states={StateCount}, unique={UniqueStateCount}, depth={MaxDepth}, sec={(long)Elapsed.TotalSeconds}";
}

/// <summary>A model test is misconfigured: a bad attribute argument, a factory that returns no model, an unknown property name.</summary>
public sealed class ModelTestConfigurationException(string message) : Exception(message);
