using System.Runtime.InteropServices;

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
        /// <para>
        /// The walk is part of the search, not a replay after it. The leader starts the run by walking
        /// it, and also marks the search's visited set: a state the walk is first to add there is
        /// "owned", so expanding it counts, checks and visits it for the search, and when other workers
        /// are idle the walk hands them the older half of the states it owns (the largest subtrees, the
        /// last in its order), keeping its own copies for its order. While the walk owns most of what it
        /// expands it costs the search almost nothing (2PC with 8 RMs: it owned 306,000 of the 442,000
        /// states it walked to find both discoveries).
        /// </para>
        /// <para>
        /// Once fewer than three quarters of a window's states are its own, the walk trails the search: it
        /// stops marking (a probe per successor for nothing) and the leader works as an ordinary worker,
        /// walking on only while the workers have discovered a property the walk has not found. A run
        /// without discoveries thus pays one window at most. When the search is over,
        /// <see cref="Complete"/> walks on alone, evaluating only the properties the search discovered,
        /// until it has found each of them.
        /// </para>
        /// </remarks>
        private sealed class CanonicalWalk(DfsEngine<TState, TAction> engine)
        {
            /// <summary>Walked states between two looks at how many of them the walk owned.</summary>
            private const int Window = 4096;

            private readonly List<(Entry Entry, bool Owned)> _stack = [];
            private readonly List<int> _path = [];
            private readonly VisitedSet _visited = new();
            private readonly IDeferredParts<TState>? _deferred = engine._deferred; // takes back the successors the walk drops
            private readonly bool[] _skip = new bool[engine.Properties.Length]; // found, or (at the end) never discovered
            private readonly Expander<TState, TAction>.Scratch _scratch = new();
            private VisitedSet? _marking = engine.Table; // the search's set while the search runs
            private bool _leading = true; // the walk still owns most of what it walks
            private int _owned; // owned entries on the stack
            private long _steps, _ownedSteps, _windowOwned, _windowStarved;

            /// <summary>States the walk expanded, and of those the ones it owned (the others are expanded twice: here and by the worker that owns them).</summary>
            public (long Walked, long Owned) Steps => (_steps, _ownedSteps);

            /// <summary>Each found property's path in the one-thread order, by property index.</summary>
            public Dictionary<int, int[]> Discoveries { get; } = [];

            /// <summary>The key of each found property's state, by property index.</summary>
            public Dictionary<int, ulong> DiscoveryKeys { get; } = [];

            /// <summary>Starts the walk from the run's initial states (in the search's set): the walk owns them.</summary>
            public void Start(List<Entry> initial)
            {
                foreach (var entry in initial)
                {
                    _visited.TryAdd(entry.Key);
                    _stack.Add((entry, true));
                }
                _owned = initial.Count;
            }

            /// <summary>
            /// True while the leader is to walk: the walk still leads the search, or it has found fewer
            /// properties than the search has discovered (<paramref name="discovered"/>).
            /// </summary>
            public bool ShouldWalk(int discovered) => _stack.Count > 0 && (_leading || Discoveries.Count < discovered);

            /// <summary>
            /// Walks while <see cref="ShouldWalk"/>, then hands the states it owns to the search. False
            /// if the leader is to stop: the search stopped, or it is over (every other worker waits and
            /// no work is left).
            /// </summary>
            public bool Walk(DfsRun run, ref long unflushed)
            {
                while (ShouldWalk(Volatile.Read(ref run._discoveryCount)))
                {
                    if (engine.StopRequested || Volatile.Read(ref run._finished)) { run.Finish(); return false; }
                    if (Volatile.Read(ref run._idle) > 0)
                    {
                        _windowStarved++;
                        // The oldest half, and never the only one: the walk expands that one next, and must own it to be of use.
                        if (_owned > 1) HandOver(run, _owned / 2);
                        else if (_owned == 0 && run.EndIfOthersIdle()) return false;
                    }
                    if (!Step(run, ref unflushed)) return false;
                }
                if (_owned > 0) HandOver(run, _owned);
                return true;
            }

            /// <summary>
            /// After an exhaustive search that discovered <paramref name="wanted"/>: walks on alone,
            /// evaluating only those properties, until each is found. False if stopped first.
            /// </summary>
            public bool Complete(IEnumerable<int> wanted)
            {
                _marking = null;
                var wantedSet = wanted.ToHashSet();
                for (var i = 0; i < _skip.Length; i++) _skip[i] |= !wantedSet.Contains(i);
                long pops = 0, unflushed = 0;
                while (Discoveries.Count < wantedSet.Count && _stack.Count > 0)
                {
                    if (engine.StopRequested) return false;
                    if (++pops % BlockSize == 0 && engine.OverMemoryBudget()) return false;
                    if (!Step(null, ref unflushed)) return false;
                }
                return !engine.StopRequested;
            }

            /// <summary>Expands the next state in the order. False if the search is to stop (a fault, or its finish condition).</summary>
            private bool Step(DfsRun? run, ref long unflushed)
            {
                var (entry, owned) = _stack[^1];
                _stack.RemoveAt(_stack.Count - 1);
                owned &= run is not null;
                if (owned) _owned--;
                _path.RemoveRange(entry.Depth - 1, _path.Count - (entry.Depth - 1));
                _path.Add(entry.Index);
                if (run is not null) Account(owned);
                if (owned) engine.RaiseMaxDepth(entry.Depth);
                if (engine.TargetMaxDepth is { } maxDepth && entry.Depth >= maxDepth)
                {
                    if (owned) run!._depthBoundHit = true;
                    return true;
                }

                var expander = engine.Expander;
                try
                {
                    expander.Begin(entry.State, entry.Key, _scratch);
                    if (owned && engine.Visitor is not null) engine.Visit([.. _path]);
                    // The walk's found set is within the search's, so an owned state is checked here for every property the search still needs.
                    expander.CheckState(entry.State, entry.Key, entry.EventuallyBits, _skip, _scratch, out var hitsEvery);
                    if (_scratch.Found.Count > 0)
                    {
                        foreach (var i in _scratch.Found)
                        {
                            _skip[i] = true;
                            Discoveries[i] = [.. _path];
                            DiscoveryKeys[i] = entry.Key;
                        }
                        // The search's discoveries hold the walk's, so the walk is behind exactly when it has fewer.
                        run?.Record(_scratch.Found, _path, entry.Key);
                    }
                    if (owned && hitsEvery && run!.FinishIfDone()) return false;

                    // An owned state is expanded for the search, so its successors must enter the search's set
                    // (else nobody explores them) even after the walk stopped marking for the rest.
                    var push = new CanonicalPush(this, entry.Depth + 1, owned ? engine.Table : _marking);
                    var children = expander.Successors(entry.State, entry.Key, _scratch, ref push);
                    if (!owned) return true;
                    run!.Count(ref unflushed, children);
                    return !run.AtBlockEnd(_ownedSteps) && !run.StopAtTargetStateCount();
                }
                catch (Exception e)
                {
                    engine.RecordFault(e, expander.Describe(_scratch), [.. _path]);
                    run?.Finish();
                    return false;
                }
            }

            /// <summary>
            /// Counts walked and owned states. The walk stops leading the search when fewer than three
            /// quarters of a window's states were its own (it trails the search: each state it does not
            /// own is expanded twice: with a bar of one quarter `2pc 8` took 3.6 s at two threads, with three quarters 3.2–3.3 s), or when other workers
            /// waited for work during more than a quarter of the window (a narrow stack, with few new
            /// successors per state, cannot feed them, and the run would be as good as one thread).
            /// From then on the leader walks only to catch up with a new discovery.
            /// </summary>
            private void Account(bool owned)
            {
                _steps++;
                if (owned)
                {
                    _ownedSteps++;
                    _windowOwned++;
                }
                if (_steps % Window != 0) return;
                if (_windowOwned * 4 < Window * 3 || _windowStarved * 4 > Window)
                {
                    _leading = false;
                    _marking = null; // trailing, it would own next to nothing: a probe of the search's set per successor for naught
                }
                _windowOwned = 0;
                _windowStarved = 0;
            }

            /// <summary>
            /// Gives the oldest <paramref name="count"/> owned states on the walk's stack (the largest
            /// subtrees, and the last in the walk's order) to the other workers; the walk keeps them,
            /// no longer owned, for its order.
            /// </summary>
            private void HandOver(DfsRun run, int count)
            {
                var donation = new List<Entry>(count);
                var stack = CollectionsMarshal.AsSpan(_stack);
                for (var i = 0; i < stack.Length && donation.Count < count; i++)
                {
                    if (!stack[i].Owned) continue;
                    donation.Add(stack[i].Entry);
                    stack[i].Owned = false;
                }
                _owned -= donation.Count;
                run.Donate(donation, _path);
            }

            /// <summary>
            /// Pushes each successor new to the walk. Into <paramref name="marking"/> (the search's set: always
            /// for an owned parent, and for every parent while the walk leads) the walk owns those it adds first.
            /// </summary>
            private readonly struct CanonicalPush(CanonicalWalk walk, int depth, VisitedSet? marking) : ISuccessorSink<TState>
            {
                public void Prefetch(ulong key)
                {
                    walk._visited.Prefetch(key);
                    marking?.Prefetch(key);
                }

                public void Accept(int actionIndex, TState next, ulong key)
                {
                    if (!walk._visited.TryAdd(key))
                    {
                        walk._deferred?.Recycle(next); // seen before in the walk: no one else holds it
                        return;
                    }
                    var owned = marking?.TryAdd(key) ?? false;
                    if (owned) walk._owned++;
                    walk._stack.Add((new Entry(next, key, 0, depth, actionIndex), owned));
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
