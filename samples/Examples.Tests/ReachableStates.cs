namespace Stateright.Examples.Tests;

/// <summary>An independent count of a model's reachable states (a plain BFS over fingerprints), to cross-check the checker and the documented state spaces.</summary>
internal static class ReachableStates
{
    /// <summary>
    /// Counts the states reachable from the initial states. With <paramref name="maxDepth"/>, counts
    /// those within that many states of an initial state (initial states are at depth 1), the
    /// checker's <c>TargetMaxDepth</c> convention.
    /// </summary>
    public static int Count<TState, TAction>(Model<TState, TAction> model, Func<TState, TState>? representative = null, int? maxDepth = null)
    {
        var seen = new HashSet<ulong>();
        var level = new List<TState>();
        foreach (var init in model.InitStates())
            if (seen.Add(Fingerprint.Of(representative is null ? init : representative(init)))) level.Add(init);
        for (var depth = 1; level.Count > 0 && (maxDepth is null || depth < maxDepth); depth++)
        {
            var next = new List<TState>();
            foreach (var state in level)
                foreach (var (_, successor) in model.NextSteps(state))
                    if (seen.Add(Fingerprint.Of(representative is null ? successor : representative(successor)))) next.Add(successor);
            level = next;
        }
        return seen.Count;
    }
}
