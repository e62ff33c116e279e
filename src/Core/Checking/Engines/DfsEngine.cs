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

    private readonly record struct Entry(TState State, ulong Key, ulong EventuallyBits, int Depth);

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
            Table = new VisitedTable();
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
        Table = new VisitedTable();
        ResetStatistics();
        return new DfsRun(this, 1, FinishWhen).Run();
    }

    /// <summary>One DFS run over a fresh visited table.</summary>
    private sealed class DfsRun(DfsEngine<TState, TAction> engine, int threads, Func<bool[], bool> finishWhen, bool eager = false)
    {
        private readonly bool[] _discovered = new bool[engine.Properties.Length];
        private readonly Dictionary<int, ulong> _discoveries = [];
        private readonly Stack<List<Entry>> _shared = new(); // donated work
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
                var key = engine.InitialKeyOf(inits[i], i);
                if (engine.Table.TryAdd(key, 0)) initial.Add(new Entry(inits[i], key, engine.InitialEventuallyBits, 1));
            }
            if (initial.Count > 0) _shared.Push(initial);
            Workers.Run(threads, Work);

            var discoveries = engine.IndexPaths(_discoveries);
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

        private void Work(ref long unflushed)
        {
            var stack = new List<Entry>();
            var actions = new List<TAction>();
            var found = new List<int>();
            var model = engine.Model;
            long pops = 0; // for the Rust library's block boundaries (see Engine.BlockSize)
            while (TakeWork(stack))
            {
                while (stack.Count > 0)
                {
                    if (engine.StopRequested || Volatile.Read(ref _finished)) { Finish(); return; }
                    if (threads > 1 && stack.Count > 1 && Volatile.Read(ref _idle) > 0) Donate(stack);

                    var entry = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    engine.RaiseMaxDepth(entry.Depth);
                    pops++;
                    if (engine.TargetMaxDepth is { } maxDepth && entry.Depth >= maxDepth)
                    {
                        _depthBoundHit = true;
                        if (AtBlockEnd(pops)) return;
                        continue;
                    }

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
                        // Read without the lock: a stale "not yet" only costs a redundant check.
                        engine.CheckProperties(entry.State, ref bits, _discovered, found);
                        var hitsEvery = engine.HitsEveryProperty(entry.State, bits, _discovered, found);
                        if (checkMutation && engine.Changed(entry.State, entry.Key)) throw engine.Mutated(MutatedByProperties);
                        if (found.Count > 0 && RecordAndCheckFinish(found, entry.Key)) return;
                        if (hitsEvery && FinishIfDone()) return; // like the Rust checker: ends its block, not expanded

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
                            if (engine.Table.TryAdd(key, entry.Key)) stack.Add(new Entry(next, key, bits, entry.Depth + 1));
                        }
                        unflushed += children;
                        if (unflushed >= 1024 || engine.TargetStateCount is not null)
                        {
                            engine.AddStates(unflushed);
                            unflushed = 0;
                        }
                        if (children == 0 && bits != 0)
                        {
                            found.Clear();
                            for (var i = 0; i < engine.Properties.Length; i++)
                                if ((bits & (1UL << i)) != 0 && !_discovered[i]) found.Add(i);
                            if (found.Count > 0 && RecordAndCheckFinish(found, entry.Key)) return;
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
                        engine.RecordFault(e, engine.Describe(step, entry.State, actions, actionIndex), entry.Key, null);
                        Finish();
                        return;
                    }
                }
            }
        }

        /// <summary>Records first discoveries; when <c>eager</c>, also stops as soon as the finish condition holds.</summary>
        private bool RecordAndCheckFinish(List<int> found, ulong key)
        {
            lock (_gate)
            {
                foreach (var i in found)
                {
                    if (_discovered[i]) continue;
                    _discovered[i] = true;
                    _discoveries[i] = key;
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

        /// <summary>Gives the oldest half of the stack (the shallowest states: the largest subtrees) to idle workers.</summary>
        private void Donate(List<Entry> stack)
        {
            var half = stack.Count / 2;
            var donation = stack.GetRange(0, half);
            stack.RemoveRange(0, half);
            lock (_gate)
            {
                _shared.Push(donation);
                Monitor.Pulse(_gate);
            }
        }

        /// <summary>Waits for donated work; false when the search is over (no work anywhere, or stopped).</summary>
        private bool TakeWork(List<Entry> stack)
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
                stack.AddRange(_shared.Pop());
                return true;
            }
        }
    }
}
