namespace Stateright;

/// <summary>
/// Depth-first search. One thread runs a plain stack; several threads share work by donating the
/// bottom half of a stack to idle workers.
/// </summary>
/// <remarks>
/// Which state a parallel DFS reaches first depends on scheduling, so its discovery paths would vary
/// from run to run. To keep results independent of the thread count: after a parallel run that
/// checked every state, the paths are re-derived by a one-thread DFS that stops as soon as it has
/// found every discovered property again (usually a small prefix of the search); a parallel run that
/// stopped early is replaced by a one-thread run. Models with <c>Eventually</c> properties, and runs
/// with symmetry reduction by a user's representative, use one thread: whether an eventually
/// counterexample is found, and how many states a representative that is not fully canonical leaves,
/// depend on the visit order (BFS has a canonical order, so it runs both in parallel). Actor models'
/// symmetry is canonical, so it runs on every thread. The reported
/// depth of a parallel run (the deepest DFS-tree path) can differ from a one-thread run's.
/// </remarks>
internal sealed class DfsEngine<TState, TAction>(CheckerBuilder<TState, TAction> options) : TableEngine<TState, TAction>(options)
{
    public override string Name => "DFS";

    /// <summary>A queued state: its depth (initial states are 1) and the index that reached it (the initial-state index at depth 1).</summary>
    private readonly record struct Entry(TState State, ulong Key, ulong EventuallyBits, int Depth, int Index);

    /// <summary>Donated work: entries, and the index path their parents lie on.</summary>
    private sealed record Work(int[] Prefix, List<Entry> Entries);

    protected override EngineResult Search()
    {
        // A canonical representative (actor models' symmetry) leaves one key per reachable class in any order, so it runs in parallel.
        var threads = InitialEventuallyBits != 0 || (Symmetry is not null && !CanonicalRepresentative<TState>.IsCanonical(Symmetry)) ? 1 : Threads;
        if (threads == 1) return new DfsRun(this, 1, FinishWhen).Run();
        var parallel = new DfsRun(this, threads, FinishWhen).Run();
        if (parallel.Status is CheckerStatus.Running || parallel.Discoveries.Count == 0) return parallel;

        if (parallel.Status is CheckerStatus.Exhausted)
        {
            // Every state was checked, so the counts and the set of discovered properties are final;
            // only the paths depend on scheduling. A one-thread run reports, for each property, the
            // first discovery in its visit order: replay that order just until all are found again.
            var (table, states, depth) = (Table, StateCount, MaxDepth);
            Table = new VisitedSet();
            ResetStatistics();
            var wanted = parallel.Discoveries.Keys.ToArray();
            var paths = new DfsRun(this, 1, found => wanted.All(i => found[i]), eager: true).Run();
            Table = table;
            SetStateCount(states);
            ResetMaxDepth(depth);
            if (paths.Status is CheckerStatus.Running) return parallel with { Status = CheckerStatus.Running };
            return parallel with { Discoveries = paths.Discoveries };
        }

        // Stopped early: what was checked depends on scheduling, so report a one-thread run instead.
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
    private sealed class DfsRun(DfsEngine<TState, TAction> engine, int threads, Func<bool[], bool> finishWhen, bool eager = false)
    {
        private readonly bool[] _discovered = new bool[engine.Properties.Length];
        private readonly Dictionary<int, int[]> _discoveries = [];
        private readonly Stack<Work> _shared = new(); // donated work
        private readonly object _gate = new();
        private int _idle;
        private bool _finished;
        private CheckerStatus? _stop;
        private bool _depthBoundHit;

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
            if (initial.Count > 0) _shared.Push(new Work([], initial));
            using (var pool = new WorkerPool(threads)) pool.Run(threads, Work);

            var discoveries = new Dictionary<int, int[]>(_discoveries);
            if (engine.StopRequested && _stop is null) return new EngineResult(CheckerStatus.Running, discoveries);
            var status = _stop ?? (_depthBoundHit ? CheckerStatus.TargetMaxDepthReached : CheckerStatus.Exhausted);
            return new EngineResult(status, discoveries);
        }

        private void Work(int worker)
        {
            long unflushed = 0; // state counts are published in batches: a shared counter per state would bounce between cores
            try { Work(ref unflushed); }
            finally { engine.AddStates(unflushed); }
        }

        /// <summary>Pushes each new successor onto the worker's stack.</summary>
        private struct Push(List<Entry> stack, VisitedSet table, ulong bits, int depth) : ISuccessorSink<TState>
        {
            public readonly void Prefetch(ulong key) => table.Prefetch(key);

            public readonly void Accept(int actionIndex, TState next, ulong key)
            {
                if (table.TryAdd(key)) stack.Add(new Entry(next, key, bits, depth, actionIndex));
            }
        }

        private void Work(ref long unflushed)
        {
            var stack = new List<Entry>();
            var path = new List<int>();
            var expander = engine.Expander;
            var scratch = new Expander<TState, TAction>.Scratch();
            long pops = 0; // for the Rust library's block boundaries (see Engine.BlockSize)
            while (TakeWork(stack, path))
            {
                while (stack.Count > 0)
                {
                    if (engine.StopRequested || Volatile.Read(ref _finished)) { Finish(); return; }
                    if (threads > 1 && stack.Count > 1 && Volatile.Read(ref _idle) > 0) Donate(stack, path);

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
                        if (scratch.Found.Count > 0 && RecordAndCheckFinish(scratch.Found, path)) return;
                        if (hitsEvery && FinishIfDone()) return; // like the Rust checker: ends its block, not expanded

                        var push = new Push(stack, engine.Table, bits, entry.Depth + 1);
                        var children = expander.Successors(entry.State, entry.Key, scratch, ref push);
                        unflushed += children;
                        if (unflushed >= 1024 || engine.TargetStateCount is not null)
                        {
                            engine.AddStates(unflushed);
                            unflushed = 0;
                        }
                        if (children == 0 && bits != 0)
                        {
                            expander.TerminalEventually(bits, _discovered, scratch);
                            if (scratch.Found.Count > 0 && RecordAndCheckFinish(scratch.Found, path)) return;
                        }
                        if (AtBlockEnd(pops)) return;
                        if (engine.TargetStateCount is { } target && engine.StateCount >= target)
                        {
                            StopWith(CheckerStatus.TargetStateCountReached);
                            return;
                        }
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

        /// <summary>Records first discoveries; when <c>eager</c>, also stops as soon as the finish condition holds.</summary>
        private bool RecordAndCheckFinish(List<int> found, List<int> path)
        {
            lock (_gate)
            {
                foreach (var i in found)
                {
                    if (_discovered[i]) continue;
                    _discovered[i] = true;
                    _discoveries[i] = [.. path];
                }
            }
            return eager && FinishIfDone();
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
        /// Gives the oldest half of the stack (the shallowest states: the largest subtrees) to idle
        /// workers, with the path their parents lie on.
        /// </summary>
        private void Donate(List<Entry> stack, List<int> path)
        {
            var half = stack.Count / 2;
            var donation = stack.GetRange(0, half);
            stack.RemoveRange(0, half);
            var deepest = 0;
            foreach (var entry in donation) deepest = Math.Max(deepest, entry.Depth);
            var prefix = path.GetRange(0, deepest - 1).ToArray();
            lock (_gate)
            {
                _shared.Push(new Work(prefix, donation));
                Monitor.Pulse(_gate);
            }
        }

        /// <summary>Waits for donated work; false when the search is over (no work anywhere, or stopped).</summary>
        private bool TakeWork(List<Entry> stack, List<int> path)
        {
            lock (_gate)
            {
                _idle++;
                while (_shared.Count == 0 && !_finished)
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
                var work = _shared.Pop();
                stack.AddRange(work.Entries);
                path.Clear();
                path.AddRange(work.Prefix);
                return true;
            }
        }
    }
}
