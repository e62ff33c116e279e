namespace Stateright;

/// <summary>What a property expects of the reachable states.</summary>
public enum Expectation
{
    /// <summary>A safety invariant: the condition holds in every reachable state. A discovery is a counterexample.</summary>
    Always,

    /// <summary>A reachability check: the condition holds in some reachable state. A discovery is an example.</summary>
    Sometimes,

    /// <summary>
    /// A liveness check: every behaviour reaches a state where the condition holds. A discovery is a
    /// counterexample: a path ending in a terminal state, or a lasso (a path, then a cycle repeated
    /// forever) that is weakly fair under <see cref="Model{TState, TAction}.FairnessClass"/>. With
    /// <see cref="LivenessSemantics.TerminatingBehaviours"/> only terminating behaviours are checked, as
    /// in the Rust library.
    /// </summary>
    Eventually,
}

/// <summary>Whether a discovery shows that a property holds or that it fails.</summary>
public enum DiscoveryClassification
{
    /// <summary>An example: a <see cref="Expectation.Sometimes"/> property was satisfied.</summary>
    Example,

    /// <summary>A counterexample: an <see cref="Expectation.Always"/> or <see cref="Expectation.Eventually"/> property was violated.</summary>
    Counterexample,
}

/// <summary>Helpers on <see cref="Expectation"/>.</summary>
public static class ExpectationExtensions
{
    /// <summary>True when a discovery for this expectation means the property fails.</summary>
    public static bool DiscoveryIsFailure(this Expectation expectation) => expectation != Expectation.Sometimes;

    /// <summary>How a discovery for this expectation is classified.</summary>
    public static DiscoveryClassification Classify(this Expectation expectation) =>
        expectation.DiscoveryIsFailure() ? DiscoveryClassification.Counterexample : DiscoveryClassification.Example;

    /// <summary>The lower-case word used in reports: "example" or "counterexample".</summary>
    public static string ToReportWord(this DiscoveryClassification classification) =>
        classification == DiscoveryClassification.Example ? "example" : "counterexample";
}
