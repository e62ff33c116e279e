using System.Collections.Concurrent;

namespace Stateright;

/// <summary>
/// Random walks. Walk <c>n</c> draws from a random source seeded by (seed, n) and runs from an initial
/// state until a terminal state, the boundary, the depth target or a state it already visited. An
/// <c>Eventually</c> counterexample is only what a complete walk proves: a terminal state, or a
/// revisited state whose cycle is weakly fair (reported as a lasso); a walk cut short proves nothing. Walks
/// are claimed in order by the workers; the discovery reported for a property is the one from the
/// lowest-numbered walk, and stopping is resolved to the walk a one-thread run would stop after, so
/// results do not depend on the thread count.
/// </summary>
internal sealed class SimulationEngine<TState, TAction>(CheckerBuilder<TState, TAction> options, ulong seed, IChooser<TState, TAction> chooser)
    : Engine<TState, TAction>(options)
{
    // Per property, the lowest-numbered walk that discovered it, and the path. Only the first walk
    // matters for both the report and the stop position, so memory stays bounded on long runs.
    private readonly (long Walk, int[] Path, int? CycleStart, ulong Key)?[] _first = new (long, int[], int?, ulong)?[options.Model.Properties.Count];
    private readonly ConcurrentDictionary<long, long> _walkStates = new();
    private long _nextWalk;
    private long _stopAt = long.MaxValue;
    private int _targetReached;

    public override string Name => "simulation";

    /// <summary>Simulation keeps no visited set; like the Rust library it reports the states it generated.</summary>
    public override long UniqueStateCount => StateCount;

    protected override EngineResult Search()
    {
        var inits = AllInitialStates();
        // Walks that can check nothing would repeat forever: say so at once, as BFS and DFS do.
        if (TargetMaxDepth is <= 1) return new EngineResult(CheckerStatus.TargetMaxDepthReached, []);
        if (!inits.Any(Model.WithinBoundary)) throw NoInitialStateWithinBoundary(inits.Count);
        using (var pool = new WorkerPool(Threads)) pool.Run(Threads, _ => Walk(inits));
        if (StopRequested) return new EngineResult(CheckerStatus.Running, FirstDiscoveries(long.MaxValue)) { CycleStarts = CycleStarts(long.MaxValue), DiscoveryKeys = DiscoveryKeys(long.MaxValue) };

        // Resolve where a one-thread run would have stopped: the first walk after which the finish
        // condition holds, or after which the target state count is reached.
        var lastWalk = long.MaxValue;
        CheckerStatus status = CheckerStatus.TargetStateCountReached;
        var known = new bool[Properties.Length];
        foreach (var (walk, property) in FirstWalks().OrderBy(k => k.Walk).ThenBy(k => k.Property))
        {
            known[property] = true;
            if (!FinishWhen(known)) continue;
            lastWalk = walk;
            status = CheckerStatus.FinishedByDiscoveries;
            break;
        }
        if (TargetStateCount is { } target)
        {
            long count = 0;
            for (long walk = 0; walk <= lastWalk && _walkStates.TryGetValue(walk, out var states); walk++)
            {
                count += states;
                if (count < target) continue;
                if (walk < lastWalk) status = CheckerStatus.TargetStateCountReached;
                lastWalk = walk;
                break;
            }
            long total = 0;
            for (long walk = 0; walk <= lastWalk && _walkStates.TryGetValue(walk, out var states); walk++) total += states;
            SetStateCount(total);
        }
        return new EngineResult(status, FirstDiscoveries(lastWalk)) { CycleStarts = CycleStarts(lastWalk), DiscoveryKeys = DiscoveryKeys(lastWalk) };
    }

    private Dictionary<int, ulong> DiscoveryKeys(long lastWalk)
    {
        var result = new Dictionary<int, ulong>();
        lock (_first)
        {
            for (var i = 0; i < _first.Length; i++)
                if (_first[i] is { } first && first.Walk <= lastWalk) result[i] = first.Key;
        }
        return result;
    }

    private Dictionary<int, int> CycleStarts(long lastWalk)
    {
        var result = new Dictionary<int, int>();
        lock (_first)
        {
            for (var i = 0; i < _first.Length; i++)
                if (_first[i] is { CycleStart: { } k } first && first.Walk <= lastWalk) result[i] = k;
        }
        return result;
    }

    private IEnumerable<(long Walk, int Property)> FirstWalks()
    {
        lock (_first)
        {
            var result = new List<(long, int)>();
            for (var i = 0; i < _first.Length; i++) if (_first[i] is { } first) result.Add((first.Walk, i));
            return result;
        }
    }

    private Dictionary<int, int[]> FirstDiscoveries(long lastWalk)
    {
        var result = new Dictionary<int, int[]>();
        lock (_first)
        {
            for (var i = 0; i < _first.Length; i++)
                if (_first[i] is { } first && first.Walk <= lastWalk) result[i] = first.Path;
        }
        return result;
    }

    private void RecordDiscovery(long walk, int property, List<int> path, ulong key, int? cycleStart = null)
    {
        lock (_first)
        {
            if (_first[property] is { } first && first.Walk <= walk) return;
            _first[property] = (walk, [.. path], cycleStart, key);
        }
        NoteDiscovered(property);
    }

    private void Walk(List<TState> inits)
    {
        var expander = Expander;
        var scratch = new Expander<TState, TAction>.Scratch();
        var candidates = new List<int>();
        var candidateActions = new List<TAction>();
        var visited = new Dictionary<ulong, int>(); // key → its step on the walk
        var path = new List<int>();
        var discovered = new bool[Properties.Length];
        var trackWalks = TargetStateCount is not null;
        while (!StopRequested && Volatile.Read(ref _targetReached) == 0)
        {
            var walk = Interlocked.Increment(ref _nextWalk) - 1;
            if (walk > Interlocked.Read(ref _stopAt)) return;
            var random = new SimulationRandom(seed, (ulong)walk);
            visited.Clear();
            path.Clear();
            var walkFound = new List<int>();
            long states = 0;
            scratch.Step = Step.Visiting;
            scratch.ActionIndex = -1;
            try
            {
                var initIndex = chooser.ChooseInitialState(inits, random);
                path.Add(initIndex);
                var state = inits[initIndex];
                var bits = InitialEventuallyBits;
                int? cycleStart = null;
                ulong lastKey = 0; // the key of the walk's last state, once it has one
                if (!Model.WithinBoundary(state)) bits = 0; // outside the state space: nothing to check
                else while (!StopRequested)
                {
                    // The same depth rule as BFS and DFS: a state at depth TargetMaxDepth or deeper is not checked.
                    RaiseMaxDepth(path.Count);
                    if (TargetMaxDepth is { } maxDepth && path.Count >= maxDepth) { bits = 0; break; }
                    var key = KeyOf(state);
                    lastKey = key;
                    if (!visited.TryAdd(key, path.Count - 1))
                    {
                        cycleStart = visited[key]; // the walk closed a cycle
                        break;
                    }
                    states++;
                    expander.Begin(state, key, scratch);
                    if (Visitor is not null) Visit([.. path]);

                    Array.Clear(discovered);
                    foreach (var i in walkFound) discovered[i] = true;
                    bits = expander.CheckState(state, key, bits, discovered, scratch, out _);
                    foreach (var i in scratch.Found)
                    {
                        walkFound.Add(i);
                        RecordDiscovery(walk, i, path, key);
                    }

                    // Choose among the enabled actions; one that changes nothing or leaves the boundary is
                    // not a step, so choose again among the rest. None left: a terminal state.
                    expander.ListActions(state, key, scratch);
                    candidates.Clear();
                    for (var i = 0; i < scratch.Actions.Count; i++) candidates.Add(i);
                    var moved = false;
                    while (candidates.Count > 0 && !moved)
                    {
                        candidateActions.Clear();
                        foreach (var i in candidates) candidateActions.Add(scratch.Actions[i]);
                        var pick = chooser.ChooseAction(state, candidateActions, random);
                        if (pick < 0 || pick >= candidates.Count)
                            throw new InvalidOperationException($"The chooser picked action {pick} of {candidates.Count}.");
                        var actionIndex = candidates[pick];
                        candidates.RemoveAt(pick);
                        if (!expander.TryStep(state, key, scratch, actionIndex, out var next)) continue;
                        path.Add(actionIndex);
                        state = next;
                        moved = true;
                    }
                    if (!moved) break; // terminal
                }
                // A walk cut short by a stop (timeout, cancellation) did not reach its end: it says nothing
                // about eventually properties, so it is never a counterexample.
                if (StopRequested) bits = 0;
                // A closed cycle is an infinite behaviour: a counterexample only when every behaviour is
                // checked and the cycle is weakly fair.
                if (cycleStart is { } k && (bits & ~MaskOf(walkFound)) != 0 && !IsFairLasso(path, k)) bits = 0;
                for (var i = 0; i < Properties.Length; i++)
                    if ((bits & (1UL << i)) != 0 && !walkFound.Contains(i)) { walkFound.Add(i); RecordDiscovery(walk, i, path, lastKey, cycleStart); }
            }
            catch (Exception e)
            {
                RecordFault(e, $"{expander.Describe(scratch)} in simulation walk {walk}", [.. path]);
                return;
            }
            AddStates(states);
            if (OverMemoryBudget()) return;
            if (trackWalks)
            {
                _walkStates[walk] = states;
                if (StateCount >= TargetStateCount) Volatile.Write(ref _targetReached, 1);
            }
            if (walkFound.Count > 0 && ShouldStopAfter(walk)) Atomic.Min(ref _stopAt, walk);
        }
    }

    private bool IsFairLasso(List<int> path, int cycleStart) =>
        Liveness == LivenessSemantics.AllBehaviours && Fairness.IsFairCycle(Path<TState, TAction>.FromIndices(Model, path), cycleStart);

    private static ulong MaskOf(List<int> properties)
    {
        ulong mask = 0;
        foreach (var i in properties) if (i < 64) mask |= 1UL << i;
        return mask;
    }

    /// <summary>True if the discoveries of walks up to <paramref name="walk"/> that are known satisfy the finish condition (monotone, so never wrongly true).</summary>
    private bool ShouldStopAfter(long walk)
    {
        var known = new bool[Properties.Length];
        foreach (var (first, property) in FirstWalks()) if (first <= walk) known[property] = true;
        return FinishWhen(known);
    }
}
