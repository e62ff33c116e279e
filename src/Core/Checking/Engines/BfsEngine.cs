namespace Stateright;

/// <summary>
/// Level-synchronous parallel breadth-first search. Each level is expanded in two phases:
/// <list type="number">
/// <item>Workers claim chunks of the level in order, check properties, and generate successors that
/// are not yet visited (the visited table is read-only in this phase, so reads need no lock).</item>
/// <item>Workers insert the candidates into the table, each owning a disjoint set of table segments
/// and scanning candidates in level order, so the first generator of a state — lowest parent
/// position, then lowest action index — always wins.</item>
/// <item>Workers rebuild the states of the accepted candidates from their parents. Candidates carry
/// only (fingerprint, parent position, action index), 16 bytes, so the many duplicate successors of
/// a level are never kept alive between phases: recomputing the unique ones is cheaper than the
/// memory and garbage collection that holding every successor would cost.</item>
/// </list>
/// The next level keeps that canonical order, so every state's path is its smallest shortest index
/// path, and the discovery reported for a property is the first violating state in level order:
/// identical for every thread count. Stopping early (finish condition, target state count) is
/// resolved to the exact position a one-thread run would stop at.
/// </summary>
internal sealed class BfsEngine<TState, TAction>(CheckerBuilder<TState, TAction> options) : TableEngine<TState, TAction>(options)
{
    public override string Name => "BFS";

    private readonly record struct Entry(TState State, ulong Key, ulong EventuallyBits);

    private readonly record struct Candidate(ulong Key, int ParentPosition, int ActionIndex);

    protected override EngineResult Search()
    {
        var discovered = new bool[Properties.Length];
        var discoveries = new Dictionary<int, ulong>();
        var initial = new List<Entry>();
        var inits = InitialStates();
        AddStates(inits.Count);
        for (var i = 0; i < inits.Count; i++)
        {
            var key = InitialKeyOf(inits[i], i);
            if (Table.TryAddOwned(key, 0)) initial.Add(new Entry(inits[i], key, InitialEventuallyBits));
        }
        var level = initial.ToArray();
        long pops = 0; // states popped so far in a one-thread run's order, for block boundaries

        for (var depth = 1; level.Length > 0; depth++)
        {
            RaiseMaxDepth(depth);
            if (TargetMaxDepth is { } maxDepth && depth >= maxDepth)
                return new EngineResult(CheckerStatus.TargetMaxDepthReached, IndexPaths(discoveries));

            var expansion = new LevelExpansion(this, level, discovered, pops);
            expansion.Run();
            if (StopRequested) return new EngineResult(CheckerStatus.Running, IndexPaths(discoveries));

            var (limit, stop) = expansion.Resolve();
            foreach (var (property, position) in expansion.DiscoveriesUpTo(limit.LastChecked))
            {
                discovered[property] = true;
                discoveries[property] = level[position].Key;
            }
            pops += limit.LastChecked + 1;
            level = expansion.Insert(limit.ExpandedBefore);
            if (stop is { } status) return new EngineResult(status, IndexPaths(discoveries));
        }
        return new EngineResult(CheckerStatus.Exhausted, IndexPaths(discoveries));
    }

    /// <summary>Where a level's processing ends: states checked up to <c>LastChecked</c>, expanded before <c>ExpandedBefore</c>.</summary>
    private readonly record struct Limit(int LastChecked, int ExpandedBefore);

    /// <summary>The expansion of one level, shared by its workers.</summary>
    private sealed class LevelExpansion
    {
        private const int MinChunk = 64;
        private const int MaxChunk = 2048;

        private readonly BfsEngine<TState, TAction> _engine;
        private readonly Entry[] _level;
        private readonly bool[] _discoveredBefore;
        private readonly long _stateCountBefore;
        private readonly int _chunkSize;
        private readonly List<Candidate>?[] _chunkOutputs;
        private readonly int[] _childCounts;
        private readonly long[] _firstPosition; // per property: lowest position discovered in this level
        private readonly ulong[] _bitsAfter; // per position: eventually bits after checking it (empty without eventually properties)
        private int _nextChunk;
        // Where processing of this level may stop, encoded so that one minimum covers both kinds of stop:
        // 2p = state p hits every property (checked, not expanded); 2p+1 = the block ending at p met
        // the finish condition (p expanded). Position q is processed only while 2q < _stopCode.
        private long _stopCode = long.MaxValue;
        private long _firstAllHit = long.MaxValue;
        private readonly long _popsBefore;
        private int _targetReached;

        public LevelExpansion(BfsEngine<TState, TAction> engine, Entry[] level, bool[] discoveredBefore, long popsBefore)
        {
            _popsBefore = popsBefore;
            _engine = engine;
            _level = level;
            _discoveredBefore = discoveredBefore;
            _stateCountBefore = engine.StateCount;
            _chunkSize = Math.Clamp(level.Length / (engine.Threads * 8), MinChunk, MaxChunk);
            _chunkOutputs = new List<Candidate>?[(level.Length + _chunkSize - 1) / _chunkSize];
            _childCounts = new int[level.Length];
            _bitsAfter = engine.InitialEventuallyBits == 0 ? [] : new ulong[level.Length];
            _firstPosition = new long[engine.Properties.Length];
            Array.Fill(_firstPosition, long.MaxValue);
        }

        public void Run() => Workers.Run(_engine.Threads, Expand);

        private void Expand(int worker)
        {
            var engine = _engine;
            var model = engine.Model;
            var actions = new List<TAction>();
            var found = new List<int>();
            var checkTarget = engine.TargetStateCount is not null;
            var undiscoveredMask = ~MaskOf(_discoveredBefore);
            while (!engine.StopRequested && Volatile.Read(ref _targetReached) == 0)
            {
                var chunk = Interlocked.Increment(ref _nextChunk) - 1;
                var start = chunk * _chunkSize;
                if (start >= _level.Length || 2L * start >= Interlocked.Read(ref _stopCode)) return;
                var end = Math.Min(_level.Length, start + _chunkSize);
                var output = new List<Candidate>();
                long generated = 0;
                for (var position = start; position < end; position++)
                {
                    if (2L * position >= Interlocked.Read(ref _stopCode) || engine.StopRequested) break;
                    var entry = _level[position];
                    var step = Step.Visiting;
                    var actionIndex = -1;
                    var checkMutation = engine.ShouldCheckMutation();
                    try
                    {
                        if (checkMutation && engine.Changed(entry.State, entry.Key)) throw engine.Mutated(MutatedWhileQueued);
                        engine.Visit(entry.Key);
                        step = Step.CheckingProperties;
                        var bits = entry.EventuallyBits;
                        found.Clear();
                        engine.CheckProperties(entry.State, ref bits, _discoveredBefore, found);
                        if (_bitsAfter.Length > 0) _bitsAfter[position] = bits;
                        foreach (var i in found) Record(i, position);
                        var hitsEvery = engine.HitsEveryProperty(entry.State, bits, _discoveredBefore, found);
                        if (checkMutation && engine.Changed(entry.State, entry.Key)) throw engine.Mutated(MutatedByProperties);
                        if (hitsEvery)
                        {
                            Atomic.Min(ref _firstAllHit, position);
                            Atomic.Min(ref _stopCode, 2L * position);
                            break;
                        }

                        step = Step.ListingActions;
                        actions.Clear();
                        model.Actions(entry.State, actions);
                        if (checkMutation && engine.Changed(entry.State, entry.Key)) throw engine.Mutated(MutatedByActions);
                        step = Step.Expanding;
                        var children = 0;
                        for (actionIndex = 0; actionIndex < actions.Count; actionIndex++)
                        {
                            step = Step.Expanding;
                            var moved = model.TryNextState(entry.State, actions[actionIndex], out var next);
                            step = Step.Boundary;
                            moved = moved && model.WithinBoundary(next);
                            if (checkMutation && engine.Changed(entry.State, entry.Key)) throw engine.Mutated(engine.MutatedByAction(actions, actionIndex));
                            if (!moved) continue;
                            children++;
                            step = Step.Fingerprinting;
                            var key = engine.KeyOf(next);
                            if (engine.Table.ContainsUnsynchronized(key)) continue;
                            output.Add(new Candidate(key, position, actionIndex));
                        }
                        _childCounts[position] = children;
                        generated += children;
                        if (children == 0 && (bits & undiscoveredMask) != 0)
                        {
                            for (var i = 0; i < engine.Properties.Length; i++)
                                if ((bits & (1UL << i)) != 0 && !_discoveredBefore[i]) Record(i, position);
                        }
                        if (IsBlockEnd(position) && ShouldStopAt(position))
                        {
                            Atomic.Min(ref _stopCode, 2L * position + 1);
                            break;
                        }
                    }
                    catch (Exception e)
                    {
                        engine.RecordFault(e, engine.Describe(step, entry.State, actions, actionIndex), entry.Key, null);
                        break;
                    }
                }
                _chunkOutputs[chunk] = output;
                engine.AddStates(generated);
                if (engine.OverMemoryBudget()) return;
                if (checkTarget && engine.StateCount >= engine.TargetStateCount) Volatile.Write(ref _targetReached, 1);
            }
        }

        private static ulong MaskOf(bool[] discovered)
        {
            ulong mask = 0;
            for (var i = 0; i < discovered.Length && i < 64; i++) if (discovered[i]) mask |= 1UL << i;
            return mask;
        }

        private void Record(int property, long position) => Atomic.Min(ref _firstPosition[property], position);

        /// <summary>True if <paramref name="position"/> is the last state of a block in a one-thread run's pop order.</summary>
        private bool IsBlockEnd(long position) => (_popsBefore + position + 1) % BlockSize == 0;

        /// <summary>
        /// True if the discoveries known at or before <paramref name="position"/> satisfy the finish
        /// condition. Knowledge may be partial (other workers may not have reported earlier positions
        /// yet), but the condition is monotone, so "true" is never wrong.
        /// </summary>
        private bool ShouldStopAt(long position)
        {
            var known = (bool[])_discoveredBefore.Clone();
            for (var i = 0; i < known.Length; i++) known[i] |= Interlocked.Read(ref _firstPosition[i]) <= position;
            return _engine.FinishWhen(known);
        }

        /// <summary>
        /// Computes exactly where a one-thread run would have stopped in this level (see
        /// <see cref="Engine{TState, TAction}.BlockSize"/>): at the first state that hits every
        /// property (checked, not expanded), or at the end of the first block after which the
        /// discoveries satisfy the finish condition, or where the state count reaches the target (that
        /// state is expanded).
        /// </summary>
        public (Limit Limit, CheckerStatus? Stop) Resolve()
        {
            var lastChecked = _level.Length - 1;
            var expandedBefore = _level.Length;
            CheckerStatus? stop = null;

            var code = _firstAllHit == long.MaxValue ? long.MaxValue : 2 * _firstAllHit;
            var firstBlockEnd = (BlockSize - 1 - _popsBefore % BlockSize) % BlockSize;
            for (var end = firstBlockEnd; end < _level.Length && 2 * end + 1 < code; end += BlockSize)
            {
                var known = (bool[])_discoveredBefore.Clone();
                for (var i = 0; i < known.Length; i++) known[i] |= _firstPosition[i] <= end;
                if (!_engine.FinishWhen(known)) continue;
                code = 2 * end + 1;
                break;
            }
            if (code != long.MaxValue)
            {
                lastChecked = (int)(code / 2);
                expandedBefore = (int)(code / 2 + code % 2);
                stop = CheckerStatus.FinishedByDiscoveries;
            }

            if (_engine.TargetStateCount is { } target)
            {
                var count = _stateCountBefore;
                for (var position = 0; position < expandedBefore; position++)
                {
                    count += _childCounts[position];
                    if (count < target) continue;
                    lastChecked = position;
                    expandedBefore = position + 1;
                    stop = CheckerStatus.TargetStateCountReached;
                    break;
                }
            }

            long total = _stateCountBefore;
            for (var position = 0; position < expandedBefore; position++) total += _childCounts[position];
            _engine.SetStateCount(total);
            return (new Limit(lastChecked, expandedBefore), stop);
        }

        public IEnumerable<(int Property, int Position)> DiscoveriesUpTo(int lastChecked)
        {
            for (var i = 0; i < _firstPosition.Length; i++)
                if (_firstPosition[i] <= lastChecked) yield return (i, (int)_firstPosition[i]);
        }

        /// <summary>
        /// Inserts the candidates generated by positions before <paramref name="expandedBefore"/>
        /// and rebuilds the accepted ones' states; returns the next level in canonical order.
        /// </summary>
        public Entry[] Insert(int expandedBefore)
        {
            var candidates = new List<Candidate>();
            foreach (var output in _chunkOutputs)
            {
                if (output is null) continue;
                foreach (var candidate in output)
                {
                    if (candidate.ParentPosition >= expandedBefore) break;
                    candidates.Add(candidate);
                }
            }

            var accepted = new bool[candidates.Count];
            var workers = candidates.Count < 4096 ? 1 : _engine.Threads;
            var table = _engine.Table;
            Workers.Run(workers, worker =>
            {
                for (var i = 0; i < candidates.Count; i++)
                {
                    var c = candidates[i];
                    if (VisitedTable.SegmentOf(c.Key) % workers != worker) continue;
                    accepted[i] = table.TryAddOwned(c.Key, _level[c.ParentPosition].Key);
                }
            });

            var kept = new List<Candidate>();
            for (var i = 0; i < candidates.Count; i++) if (accepted[i]) kept.Add(candidates[i]);
            return Materialize(kept);
        }

        /// <summary>Recomputes the states of the accepted candidates, in parallel ranges that start at a new parent.</summary>
        private Entry[] Materialize(List<Candidate> kept)
        {
            var next = new Entry[kept.Count];
            var workers = kept.Count < 4096 ? 1 : _engine.Threads;
            var model = _engine.Model;
            Workers.Run(workers, worker =>
            {
                var start = kept.Count * worker / workers;
                var end = kept.Count * (worker + 1) / workers;
                var actions = new List<TAction>();
                var parent = -1;
                for (var i = start; i < end && !_engine.StopRequested; i++)
                {
                    var c = kept[i];
                    var entry = _level[c.ParentPosition];
                    try
                    {
                        if (c.ParentPosition != parent)
                        {
                            parent = c.ParentPosition;
                            actions.Clear();
                            model.Actions(entry.State, actions);
                        }
                        if (!model.TryNextState(entry.State, actions[c.ActionIndex], out var state) || _engine.KeyOf(state) != c.Key)
                            throw new PathReconstructionException($"Recomputing action #{c.ActionIndex} gave a different state than the first time. {PathReconstructionException.NondeterminismHint}");
                        next[i] = new Entry(state, c.Key, _bitsAfter.Length > 0 ? _bitsAfter[c.ParentPosition] : 0);
                    }
                    catch (Exception e)
                    {
                        _engine.RecordFault(e, _engine.Describe(Step.Expanding, entry.State, actions, c.ActionIndex), entry.Key, null);
                        return;
                    }
                }
            });
            return next;
        }
    }
}
