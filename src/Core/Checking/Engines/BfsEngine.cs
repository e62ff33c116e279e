using System.Runtime.InteropServices;

namespace Stateright;

/// <summary>
/// Level-synchronous breadth-first search. Each level is expanded by workers that claim chunks of it
/// in order, check each state's properties and generate its successors through the shared
/// <see cref="Expander{TState, TAction}"/>. A narrow level (or a one-thread run) is expanded on the
/// calling thread straight into the visited set. A wide one is expanded in parallel while the visited
/// set is only read; each new successor is claimed in <see cref="LevelClaims"/> under its priority
/// (parent position, then action index) and kept only while it is the best claim, so duplicates die at
/// once; afterwards the winners — the successors a one-thread run would have kept — enter the visited
/// set and form the next level, in that canonical order. No state is ever derived twice.
/// </summary>
/// <remarks>
/// Every state's path is its smallest shortest index path, and the discovery reported for a property
/// is the first violating state in level order: identical for every thread count. Stopping early
/// (finish condition, target state count) is resolved to the exact position a one-thread run would
/// stop at. Paths cost 8 bytes a state: each level keeps, per state, its parent's position in the
/// previous level and the index of the action (or initial state) that reached it. The workers live for
/// the whole run.
/// </remarks>
internal sealed class BfsEngine<TState, TAction>(CheckerBuilder<TState, TAction> options) : TableEngine<TState, TAction>(options)
{
    /// <summary>A level narrower than this is expanded on one thread: the hand-off would cost more than it saves.</summary>
    private const int ParallelLevelSize = 512;

    /// <summary>Action indices take the low bits of a claim's priority, under the parent's position.</summary>
    private const int ActionIndexBits = 24;

    // Per level, per state: the position of its parent in the previous level, and the index that reached it.
    private readonly List<int[]> _parents = [];
    private readonly List<int[]> _indices = [];

    // The lists of an expanded level, cleared, for a later level to fill: new ones, grown by doubling
    // to a level's size, would be large-object allocations each level, and those trigger full collections.
    private LevelBuilder? _spare;
    private int[] _childCounts = [];

    // The candidate lists of parallel levels, cleared, for the same reason: a chunk's list of a few
    // thousand candidates is a large-object allocation, and at two threads they doubled the full
    // collections of `paxos 3` (8 to 14). Taken and given back by the workers, so under a lock.
    private readonly Stack<List<Candidate>> _candidateLists = new();

    // Completes each kept successor whose model defers parts (see IDeferredParts).
    private readonly IDeferredParts<TState>? _deferred = options.Model as IDeferredParts<TState>;

    public override string Name => "BFS";

    protected override EngineResult Search()
    {
        (Model as IPartSharing)?.ShareParts(); // a level's states are alive together: equal parts are worth sharing
        var discovered = new bool[Properties.Length];
        var discoveries = new Dictionary<int, (int Level, int Position)>();
        var discoveryKeys = new Dictionary<int, ulong>(); // what each discovery's replay must reach (see DiscoveryReplay)
        EngineResult Result(CheckerStatus status) => new(status, IndexPaths(discoveries)) { DiscoveryKeys = discoveryKeys };
        var level = NewLevel();
        var inits = InitialStates();
        AddStates(inits.Count);
        for (var i = 0; i < inits.Count; i++)
        {
            var key = InitialKeyOf(inits[i].State, inits[i].Index);
            if (Table.TryAdd(key)) level.Add(inits[i].State, key, InitialEventuallyBits, -1, inits[i].Index);
        }
        var frontier = Keep(level);
        long pops = 0; // states popped so far in a one-thread run's order, for block boundaries
        using var pool = new WorkerPool(Threads);
        var claims = Threads > 1 ? new LevelClaims() : null;

        for (var depth = 1; frontier.Count > 0; depth++)
        {
            RaiseMaxDepth(depth);
            if (TargetMaxDepth is { } maxDepth && depth >= maxDepth)
                return Result(CheckerStatus.TargetMaxDepthReached);

            var expansion = new LevelExpansion(this, frontier, depth - 1, discovered, pops, pool, frontier.Count >= ParallelLevelSize ? claims : null);
            expansion.Run();
            if (StopRequested) return Result(CheckerStatus.Running);

            var (limit, stop) = expansion.Resolve();
            foreach (var (property, position) in expansion.DiscoveriesUpTo(limit.LastChecked))
            {
                discovered[property] = true;
                NoteDiscovered(property);
                discoveries[property] = (depth - 1, position);
                discoveryKeys[property] = frontier.Keys[position];
            }
            pops += limit.LastChecked + 1;
            var expanded = frontier;
            frontier = Keep(expansion.NextLevel(limit.ExpandedBefore));
            Recycle(expanded);
            claims?.Clear();
            if (stop is { } status) return Result(status);
        }
        return Result(CheckerStatus.Exhausted);
    }

    /// <summary>Keeps a new level's parent links for paths, and returns its states for expansion.</summary>
    private Frontier Keep(LevelBuilder level)
    {
        _parents.Add([.. level.Parents]);
        _indices.Add([.. level.Indices]);
        return new Frontier(level);
    }

    /// <summary>An empty level to fill: the lists of an expanded one if there is one.</summary>
    private LevelBuilder NewLevel()
    {
        var level = _spare ?? new LevelBuilder(InitialEventuallyBits != 0);
        _spare = null;
        return level;
    }

    /// <summary>Per position of a level of <paramref name="count"/> states, zeroed: one array reused level after level, for the same reason as <see cref="_spare"/>.</summary>
    private int[] ChildCounts(int count)
    {
        if (_childCounts.Length < count) _childCounts = new int[Math.Max(count, _childCounts.Length * 3 / 2)];
        else Array.Clear(_childCounts, 0, count);
        return _childCounts;
    }

    /// <summary>An empty candidate list: one given back by <see cref="ReturnCandidates"/> if there is one.</summary>
    private List<Candidate> RentCandidates()
    {
        lock (_candidateLists) return _candidateLists.TryPop(out var list) ? list : [];
    }

    /// <summary>Empties <paramref name="list"/> (letting go of its states) and keeps it for <see cref="RentCandidates"/>.</summary>
    private void ReturnCandidates(List<Candidate> list)
    {
        list.Clear();
        lock (_candidateLists) _candidateLists.Push(list);
    }

    /// <summary>Keeps an expanded level's lists, emptied, for <see cref="NewLevel"/>.</summary>
    private void Recycle(Frontier expanded)
    {
        expanded.Source.Clear();
        _spare = expanded.Source;
    }

    /// <summary>The index path of the state at <paramref name="position"/> in level <paramref name="level"/> (0 for the initial states).</summary>
    private int[] IndexPath(int level, int position)
    {
        var path = new int[level + 1];
        for (var l = level; l >= 0; l--)
        {
            path[l] = _indices[l][position];
            position = _parents[l][position];
        }
        return path;
    }

    private Dictionary<int, int[]> IndexPaths(Dictionary<int, (int Level, int Position)> discoveries)
    {
        var result = new Dictionary<int, int[]>();
        foreach (var (property, (level, position)) in discoveries) result[property] = IndexPath(level, position);
        return result;
    }

    /// <summary>A level being expanded: its states, their keys, and their eventually bits (empty without eventually properties).</summary>
    private sealed record Frontier(LevelBuilder Source)
    {
        public List<TState> States => Source.States;
        public List<ulong> Keys => Source.Keys;
        public List<ulong> Bits => Source.Bits;
        public int Count => States.Count;

        /// <summary>Drops the level's reference to the state at <paramref name="position"/>, which is read once.</summary>
        public void Release(int position) => CollectionsMarshal.AsSpan(States)[position] = default!;
    }

    /// <summary>The next level, built in canonical order.</summary>
    private sealed class LevelBuilder(bool withBits)
    {
        public readonly List<TState> States = [];
        public readonly List<ulong> Keys = [];
        public readonly List<ulong> Bits = [];
        public readonly List<int> Parents = [];
        public readonly List<int> Indices = [];

        public void Add(TState state, ulong key, ulong bits, int parent, int index)
        {
            States.Add(state);
            Keys.Add(key);
            if (withBits) Bits.Add(bits);
            Parents.Add(parent);
            Indices.Add(index);
        }

        public void Clear()
        {
            States.Clear();
            Keys.Clear();
            Bits.Clear();
            Parents.Clear();
            Indices.Clear();
        }
    }

    /// <summary>A successor that won its claim when generated: it may still lose to a smaller priority.</summary>
    private readonly record struct Candidate(TState State, ulong Key, long Priority);

    /// <summary>Adds each successor not yet visited straight to the visited set and the next level (one thread).</summary>
    private struct Direct(LevelBuilder next, VisitedSet table, IDeferredParts<TState>? deferred, ulong bits, int position) : ISuccessorSink<TState>
    {
        public readonly void Prefetch(ulong key) => table.Prefetch(key);

        public readonly void Accept(int actionIndex, TState state, ulong key)
        {
            if (!table.TryAdd(key)) return;
            deferred?.Complete(state); // a kept state must not hold on to its parent's level
            next.Add(state, key, bits, position, actionIndex);
        }
    }

    /// <summary>Claims each successor not yet visited, and keeps it while it is the best claim (parallel).</summary>
    private struct Claim(List<Candidate> output, VisitedSet table, LevelClaims claims, IDeferredParts<TState>? deferred, long positionBase) : ISuccessorSink<TState>
    {
        public readonly void Prefetch(ulong key) => table.Prefetch(key);

        public readonly void Accept(int actionIndex, TState state, ulong key)
        {
            if (table.Contains(key)) return;
            if (actionIndex >= 1 << ActionIndexBits)
                throw new NotSupportedException($"A state enables more than {1 << ActionIndexBits:N0} actions; parallel BFS supports at most that many.");
            var priority = positionBase | (long)actionIndex;
            if (!claims.Claim(key, priority)) return;
            deferred?.Complete(state); // on this worker's thread, not when the level is assembled
            output.Add(new Candidate(state, key, priority));
        }
    }

    /// <summary>Where a level's processing ends: states checked up to <c>LastChecked</c>, expanded before <c>ExpandedBefore</c>.</summary>
    private readonly record struct Limit(int LastChecked, int ExpandedBefore);

    /// <summary>The expansion of one level, shared by its workers.</summary>
    private sealed class LevelExpansion
    {
        private const int MinChunk = 64;
        private const int MaxChunk = 2048;

        private readonly BfsEngine<TState, TAction> _engine;
        private readonly Frontier _level;
        private readonly int _levelIndex;
        private readonly bool[] _discoveredBefore;
        private readonly long _stateCountBefore;
        private readonly WorkerPool _pool;
        private readonly LevelClaims? _claims; // null: expanded on one thread, straight into _direct
        private readonly LevelBuilder? _direct; // one thread only: a parallel expansion builds its level in NextLevel
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

        public LevelExpansion(BfsEngine<TState, TAction> engine, Frontier level, int levelIndex, bool[] discoveredBefore, long popsBefore, WorkerPool pool, LevelClaims? claims)
        {
            _popsBefore = popsBefore;
            _engine = engine;
            _level = level;
            _levelIndex = levelIndex;
            _discoveredBefore = discoveredBefore;
            _stateCountBefore = engine.StateCount;
            _pool = pool;
            _claims = claims;
            _direct = claims is null ? engine.NewLevel() : null;
            _chunkSize = claims is null ? Math.Max(1, level.Count) : Math.Clamp(level.Count / (pool.Size * 8), MinChunk, MaxChunk);
            _chunkOutputs = new List<Candidate>?[(level.Count + _chunkSize - 1) / _chunkSize];
            _childCounts = engine.ChildCounts(level.Count);
            _bitsAfter = engine.InitialEventuallyBits == 0 ? [] : new ulong[level.Count];
            _firstPosition = new long[engine.Properties.Length];
            Array.Fill(_firstPosition, long.MaxValue);
        }

        public void Run() => _pool.Run(_claims is null ? 1 : _pool.Size, Expand);

        private void Expand(int worker)
        {
            var engine = _engine;
            var expander = engine.Expander;
            var scratch = new Expander<TState, TAction>.Scratch();
            var checkTarget = engine.TargetStateCount is not null;
            var undiscoveredMask = ~MaskOf(_discoveredBefore);
            var positionsOnly = _claims is null; // one thread: stop at the exact position the target is reached
            while (!engine.StopRequested && Volatile.Read(ref _targetReached) == 0)
            {
                var chunk = Interlocked.Increment(ref _nextChunk) - 1;
                var start = chunk * _chunkSize;
                if (start >= _level.Count || 2L * start >= Interlocked.Read(ref _stopCode)) return;
                var end = Math.Min(_level.Count, start + _chunkSize);
                var output = _claims is null ? null : _engine.RentCandidates();
                long generated = 0;
                for (var position = start; position < end; position++)
                {
                    if (2L * position >= Interlocked.Read(ref _stopCode) || engine.StopRequested) break;
                    var state = _level.States[position];
                    // The level lets go of each state once taken: a full collection during the level then
                    // traces only the states still to expand and the next level, not the expanded ones.
                    _level.Release(position);
                    var key = _level.Keys[position];
                    try
                    {
                        expander.Begin(state, key, scratch);
                        if (engine.Visitor is not null) engine.Visit(_engine.IndexPath(_levelIndex, position));
                        var bits = expander.CheckState(state, key, _level.Bits.Count > 0 ? _level.Bits[position] : 0, _discoveredBefore, scratch, out var hitsEvery);
                        if (_bitsAfter.Length > 0) _bitsAfter[position] = bits;
                        foreach (var i in scratch.Found) Record(i, position);
                        if (hitsEvery)
                        {
                            Atomic.Min(ref _firstAllHit, position);
                            Atomic.Min(ref _stopCode, 2L * position);
                            break;
                        }

                        int children;
                        if (output is null)
                        {
                            var sink = new Direct(_direct!, engine.Table, engine._deferred, bits, position);
                            children = expander.Successors(state, key, scratch, ref sink);
                        }
                        else
                        {
                            var sink = new Claim(output, engine.Table, _claims!, engine._deferred, (long)position << ActionIndexBits);
                            children = expander.Successors(state, key, scratch, ref sink);
                        }
                        _childCounts[position] = children;
                        generated += children;
                        if (children == 0 && (bits & undiscoveredMask) != 0)
                        {
                            expander.TerminalEventually(bits, _discoveredBefore, scratch);
                            foreach (var i in scratch.Found) Record(i, position);
                        }
                        if (IsBlockEnd(position) && ShouldStopAt(position))
                        {
                            Atomic.Min(ref _stopCode, 2L * position + 1);
                            break;
                        }
                        if (positionsOnly && checkTarget && _stateCountBefore + generated >= engine.TargetStateCount)
                        {
                            Volatile.Write(ref _targetReached, 1);
                            break;
                        }
                    }
                    catch (Exception e)
                    {
                        engine.RecordFault(e, expander.Describe(scratch), _engine.IndexPath(_levelIndex, position));
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
            var lastChecked = _level.Count - 1;
            var expandedBefore = _level.Count;
            CheckerStatus? stop = null;

            var code = _firstAllHit == long.MaxValue ? long.MaxValue : 2 * _firstAllHit;
            var firstBlockEnd = (BlockSize - 1 - _popsBefore % BlockSize) % BlockSize;
            for (var end = firstBlockEnd; end < _level.Count && 2 * end + 1 < code; end += BlockSize)
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
        /// The next level: the successors of the positions before <paramref name="expandedBefore"/> that
        /// were not visited before, each kept once — from its first generator in canonical order.
        /// </summary>
        public LevelBuilder NextLevel(int expandedBefore)
        {
            if (_claims is null) return _direct!; // expanded in order, and no further than expandedBefore
            var winners = new List<Candidate>[_chunkOutputs.Length];
            var table = _engine.Table;
            var nextChunk = -1;
            _pool.Run(_chunkOutputs.Length < 8 ? 1 : _pool.Size, _ =>
            {
                for (var chunk = Interlocked.Increment(ref nextChunk); chunk < _chunkOutputs.Length; chunk = Interlocked.Increment(ref nextChunk))
                {
                    var kept = _engine.RentCandidates();
                    if (_chunkOutputs[chunk] is { } output)
                    {
                        foreach (var candidate in output)
                        {
                            if (candidate.Priority >> ActionIndexBits >= expandedBefore) break;
                            if (_claims.PriorityOf(candidate.Key) == candidate.Priority && table.TryAdd(candidate.Key)) kept.Add(candidate);
                        }
                        _chunkOutputs[chunk] = null;
                        _engine.ReturnCandidates(output); // the losers can go now
                    }
                    winners[chunk] = kept;
                }
            });
            var next = _engine.NewLevel();
            foreach (var kept in winners)
            {
                foreach (var c in kept)
                {
                    var parent = (int)(c.Priority >> ActionIndexBits);
                    next.Add(c.State, c.Key, _bitsAfter.Length > 0 ? _bitsAfter[parent] : 0, parent, (int)(c.Priority & ((1L << ActionIndexBits) - 1)));
                }
                _engine.ReturnCandidates(kept);
            }
            return next;
        }
    }
}
