namespace Stateright;

/// <summary>
/// Depth-first search. One thread runs a plain stack; several threads share work by donating the
/// bottom half of a stack to idle workers.
/// </summary>
/// <remarks>
/// Which state a parallel DFS reaches first depends on scheduling, so its discovery paths would vary
/// from run to run. To keep results independent of the thread count, the leader (worker 0) of a
/// parallel run walks the one-thread order on a private visited set, as part of the search while it
/// leads it and to catch up with the workers' discoveries after, and after a search that checked every
/// state walks on alone until it has found each discovered property: the reported paths are that
/// walk's (see <c>CanonicalWalk</c>). A parallel run that stopped early is replaced by a one-thread run. Models with <c>Eventually</c> properties, and runs
/// with symmetry reduction by a user's representative, use one thread: whether an eventually
/// counterexample is found, and how many states a representative that is not fully canonical leaves,
/// depend on the visit order (BFS has a canonical order, so it runs both in parallel). Actor models'
/// symmetry is canonical, so it runs on every thread. The reported
/// depth of a parallel run (the deepest DFS-tree path) can differ from a one-thread run's.
/// </remarks>
internal sealed partial class DfsEngine<TState, TAction>(CheckerBuilder<TState, TAction> options) : TableEngine<TState, TAction>(options)
{
    public override string Name => "DFS";

    // A model that reuses the successors the search drops (see IDeferredParts.Recycle).
    private readonly IDeferredParts<TState>? _deferred = options.Model as IDeferredParts<TState>;

    /// <summary>A queued state: its depth (initial states are 1) and the index that reached it (the initial-state index at depth 1).</summary>
    private readonly record struct Entry(TState State, ulong Key, ulong EventuallyBits, int Depth, int Index);

    /// <summary>Donated work: entries, and the index path their parents lie on.</summary>
    private sealed record Work(int[] Prefix, List<Entry> Entries);

    protected override EngineResult Search()
    {
        // A canonical representative (actor models' symmetry) leaves one key per reachable class in any order, so it runs in parallel.
        var threads = InitialEventuallyBits != 0 || (Symmetry is not null && !CanonicalRepresentative<TState>.IsCanonical(Symmetry)) ? 1 : Threads;
        var run = new DfsRun(this, threads, FinishWhen).Run();
        // An exhaustive parallel run carries the one-thread order's paths (see CanonicalWalk).
        if (threads == 1 || run.Status is CheckerStatus.Running or CheckerStatus.Exhausted || run.Discoveries.Count == 0) return run;

        // Stopped early: what was checked depends on scheduling, so report a one-thread run instead. What the
        // parallel run found must replay first: a model that is not deterministic must not pass the re-run unnoticed.
        DiscoveryReplay.Verify(this, run);
        Table = new VisitedSet();
        ResetStatistics();
        return new DfsRun(this, 1, FinishWhen).Run();
    }

    /// <summary>One DFS run over a fresh visited table.</summary>
    /// <remarks>
    /// A worker carries the index path of the state it last popped. Every queued state's parent lies on
    /// that path (its children were pushed when it was popped, and everything popped since is below
    /// them on the stack), so popping a state at depth d truncates the path to d - 1 and appends the
    /// state's index: paths cost nothing per state. Donated work takes a copy of the path with it.
    /// </remarks>
    private sealed partial class DfsRun(DfsEngine<TState, TAction> engine, int threads, Func<bool[], bool> finishWhen)
    {
        private readonly bool[] _discovered = new bool[engine.Properties.Length];
        private readonly Dictionary<int, int[]> _discoveries = [];
        private readonly Dictionary<int, ulong> _discoveryKeys = []; // the key of each discovery's state, for its replay
        private readonly Stack<Work> _shared = new(); // donated work
        private readonly object _gate = new();
        private int _idle;
        private bool _finished;
        private CheckerStatus? _stop;
        private bool _depthBoundHit;
        private int _discoveryCount; // how many properties _discoveries holds: the canonical walk catches up with it
        private readonly CanonicalWalk? _canonical = threads > 1 ? new(engine) : null;

        public EngineResult Run()
        {
            var initial = new List<Entry>();
            var inits = engine.InitialStates();
            engine.AddStates(inits.Count);
            for (var i = 0; i < inits.Count; i++)
            {
                var key = engine.InitialKeyOf(inits[i].State, inits[i].Index);
                if (engine.Table.TryAdd(key)) initial.Add(new Entry(inits[i].State, key, engine.InitialEventuallyBits, 1, inits[i].Index));
            }
            // With several threads the leader starts by walking the one-thread order, and hands work to the others from there.
            if (_canonical is not null) _canonical.Start(initial);
            else if (initial.Count > 0) _shared.Push(new Work([], initial));
            using (var pool = new WorkerPool(threads)) pool.Run(threads, Work);
            try { return Outcome(); }
            finally { if (_canonical is not null) engine.CanonicalWalkSteps = _canonical.Steps; }
        }

        private EngineResult Outcome()
        {
            var discoveries = new Dictionary<int, int[]>(_discoveries);
            var keys = new Dictionary<int, ulong>(_discoveryKeys);
            if (engine.StopRequested && _stop is null) return new EngineResult(CheckerStatus.Running, discoveries) { DiscoveryKeys = keys };
            var status = _stop ?? (_depthBoundHit ? CheckerStatus.TargetMaxDepthReached : CheckerStatus.Exhausted);
            if (_canonical is not null && status is CheckerStatus.Exhausted && discoveries.Count > 0)
            {
                // Every state was checked, so the set of discovered properties is final: finish the
                // one-thread order until it has found each of them, and report its paths.
                if (!_canonical.Complete(discoveries.Keys)) return new EngineResult(CheckerStatus.Running, discoveries) { DiscoveryKeys = keys };
                discoveries = _canonical.Discoveries;
                keys = _canonical.DiscoveryKeys;
            }
            return new EngineResult(status, discoveries) { DiscoveryKeys = keys };
        }

        private void Work(int worker)
        {
            long unflushed = 0; // state counts are published in batches: a shared counter per state would bounce between cores
            try { Work(ref unflushed, leader: worker == 0 && _canonical is not null); }
            finally { engine.AddStates(unflushed); }
        }

        /// <summary>True if another worker discovered a property that the canonical walk has not found yet.</summary>
        private bool CanonicalBehind => _canonical!.ShouldWalk(Volatile.Read(ref _discoveryCount));

        /// <summary>Pushes each new successor onto the worker's stack, and hands the others back to a model that reuses them.</summary>
        private struct Push(List<Entry> stack, VisitedSet table, IDeferredParts<TState>? deferred, ulong bits, int depth) : ISuccessorSink<TState>
        {
            public readonly void Prefetch(ulong key) => table.Prefetch(key);

            public readonly void Accept(int actionIndex, TState next, ulong key)
            {
                if (table.TryAdd(key)) stack.Add(new Entry(next, key, bits, depth, actionIndex));
                else deferred?.Recycle(next); // seen before: no one else holds it
            }
        }

        /// <param name="unflushed">States generated but not yet added to the engine's count.</param>
        /// <param name="leader">
        /// Worker 0 of a parallel run: it also advances the canonical walk whenever another worker has
        /// discovered a property that walk has not found yet, handing its own stack to the others first.
        /// </param>
        private void Work(ref long unflushed, bool leader)
        {
            var stack = new List<Entry>();
            var path = new List<int>();
            var expander = engine.Expander;
            var scratch = new Expander<TState, TAction>.Scratch();
            long pops = 0; // for the Rust library's block boundaries (see Engine.BlockSize)
            while (TakeWork(stack, path, leader))
            {
                if (leader && CanonicalBehind)
                {
                    if (stack.Count > 0) Donate(stack, path, stack.Count);
                    if (!_canonical!.Walk(this, ref unflushed)) return;
                    continue;
                }
                while (stack.Count > 0)
                {
                    if (engine.StopRequested || Volatile.Read(ref _finished)) { Finish(); return; }
                    if (leader && CanonicalBehind) break;
                    if (threads > 1 && stack.Count > 1 && Volatile.Read(ref _idle) > 0) Donate(stack, path, stack.Count / 2);

                    var entry = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    path.RemoveRange(entry.Depth - 1, path.Count - (entry.Depth - 1));
                    path.Add(entry.Index);
                    engine.RaiseMaxDepth(entry.Depth);
                    pops++;
                    if (engine.TargetMaxDepth is { } maxDepth && entry.Depth >= maxDepth)
                    {
                        _depthBoundHit = true;
                        if (AtBlockEnd(pops)) return;
                        continue;
                    }

                    try
                    {
                        expander.Begin(entry.State, entry.Key, scratch);
                        if (engine.Visitor is not null) engine.Visit([.. path]);
                        // Read without the lock: a stale "not yet" only costs a redundant check.
                        var bits = expander.CheckState(entry.State, entry.Key, entry.EventuallyBits, _discovered, scratch, out var hitsEvery);
                        if (scratch.Found.Count > 0) Record(scratch.Found, path, entry.Key);
                        if (hitsEvery && FinishIfDone()) return; // like the Rust checker: ends its block, not expanded

                        var push = new Push(stack, engine.Table, engine._deferred, bits, entry.Depth + 1);
                        var children = expander.Successors(entry.State, entry.Key, scratch, ref push);
                        Count(ref unflushed, children);
                        if (children == 0 && bits != 0)
                        {
                            expander.TerminalEventually(bits, _discovered, scratch);
                            if (scratch.Found.Count > 0) Record(scratch.Found, path, entry.Key);
                        }
                        if (AtBlockEnd(pops)) return;
                        if (StopAtTargetStateCount()) return;
                    }
                    catch (Exception e)
                    {
                        engine.RecordFault(e, expander.Describe(scratch), [.. path]);
                        Finish();
                        return;
                    }
                }
            }
        }

        /// <summary>Adds an expanded state's successors to the state count (in batches, unless a target count must stop the run exactly).</summary>
        private void Count(ref long unflushed, int children)
        {
            unflushed += children;
            if (unflushed < 1024 && engine.TargetStateCount is null) return;
            engine.AddStates(unflushed);
            unflushed = 0;
        }

        /// <summary>Stops the search if the state count has reached the target; true if it did.</summary>
        private bool StopAtTargetStateCount()
        {
            if (engine.TargetStateCount is not { } target || engine.StateCount < target) return false;
            StopWith(CheckerStatus.TargetStateCountReached);
            return true;
        }

        /// <summary>Records first discoveries (a run stops only at a block's end or at a state that hits every property).</summary>
        private void Record(List<int> found, List<int> path, ulong key)
        {
            lock (_gate)
            {
                var before = _discoveryCount;
                foreach (var i in found)
                {
                    if (_discovered[i]) continue;
                    _discovered[i] = true;
                    engine.NoteDiscovered(i);
                    _discoveries[i] = [.. path];
                    _discoveryKeys[i] = key;
                    _discoveryCount++;
                }
                if (_canonical is not null && _discoveryCount != before) Monitor.PulseAll(_gate); // wakes the leader if it waits for work
            }
        }

        /// <summary>At the end of a block of <see cref="Engine{TState, TAction}.BlockSize"/> states, stops if the finish condition holds.</summary>
        private bool AtBlockEnd(long pops) => pops % BlockSize == 0 && (engine.OverMemoryBudget() || FinishIfDone());

        /// <summary>Stops the search if the discoveries satisfy the finish condition.</summary>
        private bool FinishIfDone()
        {
            lock (_gate)
            {
                if (!finishWhen(_discovered)) return false;
            }
            StopWith(CheckerStatus.FinishedByDiscoveries);
            return true;
        }

        private void StopWith(CheckerStatus status)
        {
            lock (_gate)
            {
                _stop ??= status;
                _finished = true;
                Monitor.PulseAll(_gate);
            }
        }

        private void Finish()
        {
            lock (_gate)
            {
                _finished = true;
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>
        /// Gives the oldest <paramref name="count"/> entries of the stack (the shallowest states: the
        /// largest subtrees) to idle workers, with the path their parents lie on.
        /// </summary>
        private void Donate(List<Entry> stack, List<int> path, int count)
        {
            var donation = stack.GetRange(0, count);
            stack.RemoveRange(0, count);
            Donate(donation, path);
        }

        /// <summary>Hands <paramref name="donation"/>, whose parents lie on <paramref name="path"/>, to idle workers.</summary>
        private void Donate(List<Entry> donation, List<int> path)
        {
            var deepest = 0;
            foreach (var entry in donation) deepest = Math.Max(deepest, entry.Depth);
            var prefix = path.GetRange(0, deepest - 1).ToArray();
            lock (_gate)
            {
                _shared.Push(new Work(prefix, donation));
                Monitor.Pulse(_gate);
            }
        }

        /// <summary>
        /// Waits for donated work; false when the search is over (no work anywhere, or stopped). The
        /// leader also returns, without work, as soon as the canonical walk is behind.
        /// </summary>
        private bool TakeWork(List<Entry> stack, List<int> path, bool leader)
        {
            lock (_gate)
            {
                _idle++;
                while (_shared.Count == 0 && !_finished && !(leader && CanonicalBehind))
                {
                    if (_idle == threads)
                    {
                        _finished = true;
                        Monitor.PulseAll(_gate);
                        break;
                    }
                    Monitor.Wait(_gate);
                }
                _idle--;
                if (_finished || engine.StopRequested) return false;
                if (leader && CanonicalBehind) return true;
                var work = _shared.Pop();
                stack.AddRange(work.Entries);
                path.Clear();
                path.AddRange(work.Prefix);
                return true;
            }
        }
    }
}
