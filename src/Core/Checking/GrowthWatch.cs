namespace Stateright;

/// <summary>
/// Notices a run that looks unbounded: after a while, its depth is past what bounded protocol models
/// reach (tens of steps) and still growing, and the unique-state count is not levelling off. A hint
/// for progress lines, never a verdict: a large bounded model may trip it, and an unbounded one that
/// grows only in breadth may not.
/// </summary>
internal sealed class GrowthWatch
{
    /// <summary>Depth past which a growing run is suspect: bounded models of protocols stay well below it.</summary>
    public const int SuspectDepth = 100;

    /// <summary>How far back growth is measured.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly List<(TimeSpan At, long Unique, int Depth)> _samples = [];

    /// <summary>Records a sample of a running check; returns the warning when the run looks unbounded, else null.</summary>
    public string? Observe(TimeSpan at, long unique, int depth)
    {
        lock (_samples)
        {
            _samples.Add((at, unique, depth));
            // The newest sample at least a window old is the baseline; older ones are no longer needed.
            var baseline = _samples.FindLastIndex(s => at - s.At >= Window);
            if (baseline < 0) return null;
            if (baseline > 0) _samples.RemoveRange(0, baseline);
            var (then, uniqueThen, depthThen) = _samples[0];
            var growing = depth >= SuspectDepth && depth > depthThen + depthThen / 10 && unique > uniqueThen + uniqueThen / 100;
            return growing
                ? $"the depth keeps growing ({depthThen:N0} → {depth:N0} in the last {(at - then).TotalSeconds:0} s) with no end to new states in sight: " +
                  "the state space may be unbounded. Bound it: WithinBoundary, TargetMaxDepth or TargetStateCount, smaller parameters, " +
                  "or, in an actor model, a network that does not redeliver (UnorderedNonDuplicating) or a cap on the counters the actors keep"
                : null;
        }
    }
}
