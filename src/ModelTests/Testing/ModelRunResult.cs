namespace Stateright.Testing;

/// <summary>One property's verdict from a checker run, with its texts rendered while the checker was at hand.</summary>
/// <param name="Name">The property.</param>
/// <param name="Expectation">Its expectation.</param>
/// <param name="Kind">The verdict.</param>
/// <param name="Message">The checker's sentence on the verdict (the trace, with states, for a discovery).</param>
/// <param name="Trace">The discovery as trace text (what snapshots hold), or null.</param>
/// <param name="Diagram">A Mermaid sequence diagram of the discovery, when the model draws one.</param>
internal sealed record PropertyVerdict(string Name, Expectation Expectation, VerdictKind Kind, string Message, string? Trace, string? Diagram);

/// <summary>The result of one checker run for a model method: a verdict per property and the run's statistics.</summary>
internal sealed record ModelRunResult(IReadOnlyList<PropertyVerdict> Verdicts, CheckerStatus Status, TimeSpan Elapsed, string Summary);

/// <summary>A model test is misconfigured: a bad attribute argument, a factory that returns no model, an unknown property name.</summary>
public sealed class ModelTestConfigurationException(string message) : Exception(message);
