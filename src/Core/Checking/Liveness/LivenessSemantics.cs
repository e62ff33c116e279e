namespace Stateright;

/// <summary>Which behaviours an <see cref="Expectation.Eventually"/> property is checked on (see <see cref="CheckerBuilder{TState, TAction}.Liveness"/>).</summary>
public enum LivenessSemantics
{
    /// <summary>
    /// Every behaviour (the default): finite ones that end in a terminal state, and infinite ones — a
    /// reachable cycle — that are weakly fair under the model's <see cref="Model{TState, TAction}.FairnessClass"/>.
    /// A counterexample is a lasso: a stem from an initial state, then a cycle that repeats forever.
    /// Costs a pass after an exhaustive search (on the checker's threads).
    /// </summary>
    AllBehaviours,

    /// <summary>
    /// Only behaviours that end in a terminal state, as the Rust library checks: a behaviour that loops
    /// forever without meeting the condition is not reported. Cheaper (no extra pass), but a property
    /// reported as holding may fail on an infinite behaviour.
    /// </summary>
    TerminatingBehaviours,
}
