namespace Stateright;

/// <summary>What a checker run concluded about one property.</summary>
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

    /// <summary>No discovery, and model code threw, so checking stopped: the verdict is unknown.</summary>
    Error,
}

/// <summary>
/// The one verdict function: from a property's expectation and what a run found, the verdict. Behind
/// both the checker's <c>Assert…</c> methods and the model-test runner of every test front end.
/// </summary>
public static class Verdicts
{
    /// <summary>
    /// Classifies a property. A discovery is final even if the run later faulted or stopped early
    /// (its path is real); without one, only a run that checked every state gives a verdict.
    /// </summary>
    public static VerdictKind Classify(Expectation expectation, bool discovered, CheckerStatus status, bool faulted)
    {
        if (discovered) return expectation == Expectation.Sometimes ? VerdictKind.ExampleFound : VerdictKind.Violated;
        if (faulted || status == CheckerStatus.Faulted) return VerdictKind.Error;
        if (status != CheckerStatus.Exhausted) return VerdictKind.Incomplete;
        return expectation == Expectation.Sometimes ? VerdictKind.NoExample : VerdictKind.Holds;
    }

    /// <summary>True when the property meets its expectation (holds, or has its example).</summary>
    public static bool IsSatisfied(this VerdictKind kind) => kind is VerdictKind.Holds or VerdictKind.ExampleFound;

    /// <summary>True when the verdict is known (not incomplete, not an error).</summary>
    public static bool IsConclusive(this VerdictKind kind) => kind is not (VerdictKind.Incomplete or VerdictKind.Error);
}
