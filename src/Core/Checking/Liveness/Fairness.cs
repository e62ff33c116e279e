namespace Stateright;

/// <summary>
/// Weak fairness over action classes, shared by the liveness pass, simulation and
/// <c>AssertDiscovery</c>. A class is <em>enabled</em> in a state when some action of that class
/// changes the state to one within the boundary; an action that changes nothing, or leaves the
/// boundary, does not count as enabled.
/// </summary>
internal sealed class Fairness<TState, TAction>
{
    private readonly Model<TState, TAction> _model;
    private readonly Func<TState, TAction, object?> _classOf;
    private readonly Dictionary<object, int> _ids = [];

    public Fairness(Model<TState, TAction> model, Func<TState, TAction, object?>? classOf)
    {
        _model = model;
        _classOf = classOf ?? model.FairnessClass;
    }

    /// <summary>The dense id of an action's fairness class, or -1 when the action is not fair. Ids follow first use, so they are deterministic.</summary>
    public int ClassOf(TState state, TAction action) => KeyOf(state, action) is { } key ? IdOf(key) : -1;

    /// <summary>The fairness class of an action, as the model names it (null: not fair). Safe on any thread.</summary>
    public object? KeyOf(TState state, TAction action)
    {
        try { return _classOf(state, action); }
        catch (Exception e) { CallbackFault.Annotate(e, "computing an action's fairness class (FairnessClass)"); throw; }
    }

    /// <summary>The dense id of a class key, assigned at its first use.</summary>
    public int IdOf(object key)
    {
        lock (_ids)
        {
            if (!_ids.TryGetValue(key, out var id)) _ids[key] = id = _ids.Count;
            return id;
        }
    }

    /// <summary>
    /// The id of a class key already assigned one, without locking: only while no thread can assign
    /// ids (the liveness pass's workers look ids up while its merge, which assigns them, waits).
    /// </summary>
    public bool TryGetAssignedId(object key, out int id) => _ids.TryGetValue(key, out id);

    /// <summary>
    /// Whether the cycle through <paramref name="states"/> (the last state's successor being the first)
    /// taking <paramref name="classes"/> (one per step, -1 for unfair actions) is weakly fair: every
    /// class enabled in every state of the cycle is taken on the cycle.
    /// </summary>
    public bool IsFairCycle(IReadOnlyList<TState> states, IReadOnlyList<int> classes)
    {
        HashSet<int>? always = null;
        var actions = new List<TAction>();
        foreach (var state in states)
        {
            var enabled = new HashSet<int>();
            actions.Clear();
            _model.Actions(state, actions);
            foreach (var action in actions)
            {
                if (!_model.TryNextState(state, action, out var next) || !_model.WithinBoundary(next)) continue;
                if (ClassOf(state, action) is var id and >= 0) enabled.Add(id);
            }
            if (always is null) always = enabled;
            else always.IntersectWith(enabled);
        }
        return always is null || always.IsSubsetOf(classes);
    }

    /// <summary>Replays a path from step <paramref name="cycleStart"/> on and tells whether they form a weakly fair cycle.</summary>
    public bool IsFairCycle(Path<TState, TAction> path, int cycleStart)
    {
        var states = new List<TState>();
        var classes = new List<int>();
        for (var i = cycleStart; i < path.Length; i++)
        {
            states.Add(path.States[i]);
            classes.Add(ClassOf(path.States[i], path.Actions[i]));
        }
        return IsFairCycle(states, classes);
    }
}
