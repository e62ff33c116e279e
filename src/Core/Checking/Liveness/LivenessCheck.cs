namespace Stateright;

/// <summary>Runs the <see cref="LivenessPass{TState, TAction}"/> after an engine's main search, for the <c>Eventually</c> properties it did not discover.</summary>
internal static class LivenessCheck
{
    /// <summary>
    /// Adds the liveness pass's counterexamples to an exhaustive (or depth-bounded) run's result. A
    /// terminal-path discovery of the main search is kept: it is a genuine counterexample. With a depth
    /// bound only cycles inside it count, and a property without counterexample stays unknown. A pass
    /// stopped by a timeout or cancellation leaves the run incomplete.
    /// </summary>
    public static EngineResult Complete<TState, TAction>(Engine<TState, TAction> engine, EngineResult result)
    {
        if (engine.Liveness != LivenessSemantics.AllBehaviours || engine.InitialEventuallyBits == 0) return result;
        if (result.Status is not (CheckerStatus.Exhausted or CheckerStatus.TargetMaxDepthReached)) return result;
        var maxDepth = result.Status == CheckerStatus.TargetMaxDepthReached ? engine.TargetMaxDepth : null;
        var pass = new LivenessPass<TState, TAction>(engine.Model, engine.Expander, engine.Symmetry is not null, engine.Fairness, maxDepth, () => engine.StopRequested || engine.OverMemoryBudget(),
            engine.Threads, engine.LivenessParallelism);
        var discoveries = new Dictionary<int, int[]>(result.Discoveries);
        var cycles = new Dictionary<int, int>(result.CycleStarts);
        for (var i = 0; i < engine.Properties.Length; i++)
        {
            if (engine.Properties[i].Expectation != Expectation.Eventually || discoveries.ContainsKey(i)) continue;
            var lasso = pass.FindCounterexample(engine.Properties[i]);
            if (engine.StopRequested) return result with { Status = CheckerStatus.Running, Discoveries = discoveries, CycleStarts = cycles };
            if (lasso is null) continue;
            discoveries[i] = lasso.Indices;
            if (lasso.CycleStart is { } start) cycles[i] = start;
        }
        return result with { Discoveries = discoveries, CycleStarts = cycles };
    }
}
