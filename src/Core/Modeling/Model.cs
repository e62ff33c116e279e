namespace Stateright;

/// <summary>
/// A nondeterministic transition system: initial states, the actions enabled in a state, and the state
/// each action leads to. The checker explores every behaviour it allows.
/// </summary>
/// <typeparam name="TState">
/// The state: typically a record holding immutable collections. The checker identifies states by their
/// structural <see cref="Fingerprint"/>, not by <see cref="object.Equals(object)"/>.
/// </typeparam>
/// <typeparam name="TAction">An action: typically a closed record hierarchy or an enum.</typeparam>
/// <remarks>
/// Every method must be deterministic: the same input gives the same output, in the same order. Paths
/// are rebuilt from action indices, so an order that varies (iterating a <see cref="HashSet{T}"/> of
/// strings, reading a clock or a random source) breaks counterexample reconstruction.
/// </remarks>
public abstract class Model<TState, TAction> : IModel
{
    private IReadOnlyList<Property<TState>>? _properties;

    /// <summary>The initial states, in a fixed order.</summary>
    public abstract IEnumerable<TState> InitStates();

    /// <summary>Appends the actions enabled in <paramref name="state"/> to <paramref name="actions"/>, in a fixed order.</summary>
    public abstract void Actions(TState state, List<TAction> actions);

    /// <summary>
    /// The state that <paramref name="action"/> leads to from <paramref name="state"/>, or
    /// <see langword="null"/> when the action changes nothing (the checker then ignores it).
    /// For value-type states, which cannot be null, override <see cref="TryNextState"/> instead.
    /// </summary>
    public abstract TState? NextState(TState state, TAction action);

    /// <summary>
    /// The state that <paramref name="action"/> leads to; false when the action changes nothing.
    /// The default calls <see cref="NextState"/> and treats <see langword="null"/> as "no change".
    /// </summary>
    public virtual bool TryNextState(TState state, TAction action, out TState next)
    {
        var result = NextState(state, action);
        next = result!;
        return result is not null;
    }

    /// <summary>False for states outside the space to check; they and their successors are skipped.</summary>
    public virtual bool WithinBoundary(TState state) => true;

    /// <summary>
    /// The weak-fairness class of <paramref name="action"/> in <paramref name="state"/>, for
    /// <c>Eventually</c> properties: null (the default) when the action need not ever be taken, else a
    /// key compared with <see cref="object.Equals(object)"/>. An infinite behaviour (a cycle) is a
    /// counterexample only if it is weakly fair: every class enabled in every state of the cycle is
    /// taken on it. With the default, every cycle counts. Actor models make each delivery and each
    /// actor's local events fair (see <c>ActorModel</c>).
    /// </summary>
    public virtual object? FairnessClass(TState state, TAction action) => null;

    /// <summary>How verdicts name the fairness of <see cref="FairnessClass"/>, e.g. "with weak fairness on deliveries".</summary>
    public virtual string FairnessDescription => "without fairness";

    /// <summary>The properties to check. Names must be unique.</summary>
    protected virtual IEnumerable<Property<TState>> DefineProperties() => [];

    /// <summary>The properties to check, in declaration order (computed once).</summary>
    /// <exception cref="ArgumentException">Two properties share a name.</exception>
    public IReadOnlyList<Property<TState>> Properties => _properties ??= ValidateProperties(DefineProperties().ToArray());

    Type IModel.StateType => typeof(TState);

    Type IModel.ActionType => typeof(TAction);

    IReadOnlyList<string> IModel.PropertyNames => Properties.Select(p => p.Name).ToArray();

    /// <summary>Looks a property up by name.</summary>
    /// <exception cref="KeyNotFoundException">No property has that name; the message lists the names there are.</exception>
    public Property<TState> Property(string name)
    {
        foreach (var property in Properties)
            if (property.Name == name) return property;
        throw new KeyNotFoundException(ErrorMessages.UnknownProperty(name, Properties.Select(p => p.Name)));
    }

    /// <summary>How an action is shown in paths and reports. Defaults to <see cref="object.ToString"/>.</summary>
    public virtual string FormatAction(TAction action) => action?.ToString() ?? "null";

    /// <summary>How a state is shown in failure messages and traces. Defaults to <see cref="object.ToString"/>.</summary>
    public virtual string FormatState(TState state) => state?.ToString() ?? "null";

    /// <summary>
    /// A description of what taking <paramref name="action"/> in <paramref name="state"/> does, for
    /// traces; null to show only the resulting state.
    /// </summary>
    public virtual string? FormatStep(TState state, TAction action) => null;

    /// <summary>
    /// What a step changed, for traces: when not null, a trace shows these lines under the step instead
    /// of the whole resulting state (the full state is still shown at the start and at the end). Actor
    /// models show the acting actor's outputs and state change and the network's delta.
    /// </summary>
    public virtual string? FormatTransition(TState before, TAction action, TState after) => null;

    /// <summary>
    /// A Mermaid sequence diagram of <paramref name="path"/>, written beside a counterexample's trace
    /// (actor models draw one); null when the model has no diagram to offer.
    /// </summary>
    public virtual string? SequenceDiagram(Path<TState, TAction> path) => null;

    /// <summary>
    /// The tracker of action kinds for coverage (see <see cref="ActionCoverage"/>): by default an enum's
    /// values or a closed hierarchy's concrete types, and null when actions fall into no useful kinds.
    /// </summary>
    internal virtual CoverageTracker<TAction>? NewCoverageTracker() => ActionKinds.For<TAction>();

    /// <summary>The enabled actions paired with the states they lead to (actions that change nothing are left out).</summary>
    public IEnumerable<(TAction Action, TState Next)> NextSteps(TState state)
    {
        var actions = new List<TAction>();
        Actions(state, actions);
        foreach (var action in actions)
            if (TryNextState(state, action, out var next)) yield return (action, next);
    }

    private static Property<TState>[] ValidateProperties(Property<TState>[] properties)
    {
        var duplicates = properties.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"\"{g.Key}\"").ToArray();
        if (duplicates.Length > 0)
            throw new ArgumentException($"Property names must be unique within a model; duplicated: {string.Join(", ", duplicates)}.");
        return properties;
    }
}
