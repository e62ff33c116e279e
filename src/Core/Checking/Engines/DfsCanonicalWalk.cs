namespace Stateright;

internal sealed partial class DfsEngine<TState, TAction>
{
    private sealed partial class DfsRun
    {
        /// <summary>
        /// The one-thread DFS order of a parallel run, walked by its leader (worker 0) on a private
        /// visited set, so that discovery paths are the same for every thread count: each property's
        /// path is the first state in this order that discovers it.
        /// </summary>
        /// <remarks>
        /// The walk overlaps the search instead of following it. It advances only while it has found
        /// fewer properties than the workers have discovered: a run without discoveries never walks it,
        /// and once it has caught up the leader works as an ordinary worker again until the next new
        /// discovery. The walk neither counts nor visits states (the search does), and does not mark the
        /// search's visited set: the leader itself searched the start of this order before donating
        /// the rest, so the walk trails the search and would own almost nothing (none of 442,000 walked
        /// states for 2PC with 8 RMs), while each mark is one more cache miss per successor. When the
        /// search is over, <see cref="Complete"/> walks on alone, evaluating only the properties the
        /// search discovered, until it has found each of them.
        /// </remarks>
        private sealed class CanonicalWalk(DfsEngine<TState, TAction> engine)
        {
            private readonly List<Entry> _stack = [];
            private readonly List<int> _path = [];
            private readonly VisitedSet _visited = new();
            private readonly bool[] _skip = new bool[engine.Properties.Length]; // found, or (at the end) never discovered
            private readonly Expander<TState, TAction>.Scratch _scratch = new();

            /// <summary>Each found property's path in the one-thread order, by property index.</summary>
            public Dictionary<int, int[]> Discoveries { get; } = [];

            /// <summary>Starts the walk from the run's initial states.</summary>
            public void Start(List<Entry> initial)
            {
                foreach (var entry in initial)
                {
                    _visited.TryAdd(entry.Key);
                    _stack.Add(entry);
                }
            }

            /// <summary>True while the walk has found fewer properties than <paramref name="discovered"/> and can still go on.</summary>
            public bool IsBehind(int discovered) => _stack.Count > 0 && Discoveries.Count < discovered;

            /// <summary>
            /// Walks until the walk has found every property discovered so far. False if the leader is
            /// to stop: the search stopped, or it is over (every other worker waits and no work is left).
            /// </summary>
            public bool CatchUp(DfsRun run)
            {
                while (IsBehind(Volatile.Read(ref run._discoveryCount)))
                {
                    if (engine.StopRequested || Volatile.Read(ref run._finished)) { run.Finish(); return false; }
                    if (run.EndIfOthersIdle()) return false;
                    if (!Step(run)) return false;
                }
                return true;
            }

            /// <summary>
            /// After an exhaustive search that discovered <paramref name="wanted"/>: walks on alone,
            /// evaluating only those properties, until each is found. False if stopped first.
            /// </summary>
            public bool Complete(IEnumerable<int> wanted)
            {
                var wantedSet = wanted.ToHashSet();
                for (var i = 0; i < _skip.Length; i++) _skip[i] |= !wantedSet.Contains(i);
                long pops = 0;
                while (Discoveries.Count < wantedSet.Count && _stack.Count > 0)
                {
                    if (engine.StopRequested) return false;
                    if (++pops % BlockSize == 0 && engine.OverMemoryBudget()) return false;
                    if (!Step(null)) return false;
                }
                return !engine.StopRequested;
            }

            /// <summary>Expands the next state in the order. False if model code threw.</summary>
            private bool Step(DfsRun? run)
            {
                var entry = _stack[^1];
                _stack.RemoveAt(_stack.Count - 1);
                _path.RemoveRange(entry.Depth - 1, _path.Count - (entry.Depth - 1));
                _path.Add(entry.Index);
                if (engine.TargetMaxDepth is { } maxDepth && entry.Depth >= maxDepth) return true;

                var expander = engine.Expander;
                try
                {
                    expander.Begin(entry.State, entry.Key, _scratch);
                    expander.CheckState(entry.State, entry.Key, entry.EventuallyBits, _skip, _scratch, out _);
                    if (_scratch.Found.Count > 0)
                    {
                        foreach (var i in _scratch.Found)
                        {
                            _skip[i] = true;
                            Discoveries[i] = [.. _path];
                        }
                        // The search's discoveries hold the walk's, so the walk is behind exactly when it has fewer.
                        run?.Record(_scratch.Found, _path);
                    }
                    var push = new CanonicalPush(this, entry.Depth + 1);
                    expander.Successors(entry.State, entry.Key, _scratch, ref push);
                    return true;
                }
                catch (Exception e)
                {
                    engine.RecordFault(e, expander.Describe(_scratch), [.. _path]);
                    run?.Finish();
                    return false;
                }
            }

            /// <summary>Pushes each successor new to the walk.</summary>
            private readonly struct CanonicalPush(CanonicalWalk walk, int depth) : ISuccessorSink<TState>
            {
                public void Prefetch(ulong key) => walk._visited.Prefetch(key);

                public void Accept(int actionIndex, TState next, ulong key)
                {
                    if (walk._visited.TryAdd(key)) walk._stack.Add(new Entry(next, key, 0, depth, actionIndex));
                }
            }
        }

        /// <summary>
        /// Ends the search if every worker but the leader waits and no work is queued (the leader gave
        /// its own stack away before walking). True if it ended.
        /// </summary>
        private bool EndIfOthersIdle()
        {
            if (Volatile.Read(ref _idle) != threads - 1) return false;
            lock (_gate)
            {
                if (_idle != threads - 1 || _shared.Count > 0 || _finished) return false;
                _finished = true;
                Monitor.PulseAll(_gate);
                return true;
            }
        }
    }
}
