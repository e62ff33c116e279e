namespace Stateright;

/// <summary>
/// An exhaustive engine that records visited states in a <see cref="VisitedTable"/> with parent links,
/// and rebuilds discovery paths from them after the search.
/// </summary>
internal abstract class TableEngine<TState, TAction>(CheckerBuilder<TState, TAction> options) : Engine<TState, TAction>(options)
{
    protected VisitedTable Table { get; set; } = new();

    public override long UniqueStateCount => Table.Count;

    /// <summary>
    /// Follows parent links back to an initial state, then replays forward: at each step the first
    /// action (lowest index) whose successor has the next key. That is the action that first reached
    /// the state in either engine, so the replay yields exactly the states the search queued.
    /// </summary>
    protected override int[] IndexPathOf(ulong stateKey)
    {
        var keys = new List<ulong>();
        for (var key = stateKey; key != 0;)
        {
            keys.Add(key);
            if (!Table.TryGetParent(key, out var parent))
                throw new PathReconstructionException("A state on the path is missing from the visited set.");
            key = parent;
        }
        keys.Reverse();

        var indices = new int[keys.Count];
        var inits = Model.InitStates().ToList();
        var initIndex = inits.FindIndex(s => Model.WithinBoundary(s) && KeyOf(s) == keys[0]);
        if (initIndex < 0) throw new PathReconstructionException($"No initial state matches the start of the path. {PathReconstructionException.NondeterminismHint}");
        indices[0] = initIndex;
        var state = inits[initIndex];
        var actions = new List<TAction>();
        for (var step = 1; step < keys.Count; step++)
        {
            actions.Clear();
            Model.Actions(state, actions);
            var found = -1;
            for (var a = 0; a < actions.Count && found < 0; a++)
            {
                if (Model.TryNextState(state, actions[a], out var next) && Model.WithinBoundary(next) && KeyOf(next) == keys[step])
                {
                    found = a;
                    state = next;
                }
            }
            if (found < 0) throw new PathReconstructionException($"No action from step {step - 1} reaches the next recorded state. {PathReconstructionException.NondeterminismHint}");
            indices[step] = found;
        }
        return indices;
    }

    /// <summary>The visitor's path for a state, rebuilt from parent links.</summary>
    protected void Visit(ulong stateKey)
    {
        if (Visitor is null) return;
        Visitor.Visit(Model, Path<TState, TAction>.FromIndices(Model, IndexPathOf(stateKey)));
    }

    /// <summary>Index paths for discoveries recorded as state keys.</summary>
    protected Dictionary<int, int[]> IndexPaths(Dictionary<int, ulong> discoveries)
    {
        var result = new Dictionary<int, int[]>();
        foreach (var (property, key) in discoveries) result[property] = IndexPathOf(key);
        return result;
    }
}
