namespace Stateright.Examples.Tests;

/// <summary>An independent count of a model's reachable states (a plain BFS over fingerprints), to cross-check the checker and the documented state spaces.</summary>
internal static class ReachableStates
{
    public static int Count<TState, TAction>(Model<TState, TAction> model, Func<TState, TState>? representative = null)
    {
        var seen = new HashSet<ulong>();
        var frontier = new Queue<TState>();
        foreach (var init in model.InitStates())
            if (seen.Add(Fingerprint.Of(representative is null ? init : representative(init)))) frontier.Enqueue(init);
        while (frontier.TryDequeue(out var state))
            foreach (var (_, next) in model.NextSteps(state))
                if (seen.Add(Fingerprint.Of(representative is null ? next : representative(next)))) frontier.Enqueue(next);
        return seen.Count;
    }
}
