namespace Stateright;

/// <summary>A named condition on states, with an <see cref="Stateright.Expectation"/>.</summary>
/// <typeparam name="TState">The model's state type.</typeparam>
/// <param name="Expectation">What the property expects of the reachable states.</param>
/// <param name="Name">The property's name, unique within its model.</param>
/// <param name="Condition">The condition, evaluated on one state.</param>
public sealed record Property<TState>(Expectation Expectation, string Name, Func<TState, bool> Condition)
{
    /// <summary>A safety invariant: <paramref name="condition"/> must hold in every reachable state.</summary>
    public static Property<TState> Always(string name, Func<TState, bool> condition) => new(Expectation.Always, name, condition);

    /// <summary>A reachability check: <paramref name="condition"/> must hold in some reachable state.</summary>
    public static Property<TState> Sometimes(string name, Func<TState, bool> condition) => new(Expectation.Sometimes, name, condition);

    /// <summary>A liveness check: every behaviour (see <see cref="LivenessSemantics"/>) must reach a state where <paramref name="condition"/> holds.</summary>
    public static Property<TState> Eventually(string name, Func<TState, bool> condition) => new(Expectation.Eventually, name, condition);
}
