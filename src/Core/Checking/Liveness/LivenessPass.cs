using System.Runtime.InteropServices;

namespace Stateright;

/// <summary>A counterexample to an <c>Eventually</c> property: an index path and, for an infinite behaviour, where its cycle starts.</summary>
/// <param name="Indices">The initial-state index, then each action's index.</param>
/// <param name="CycleStart">Null for a finite behaviour ending in a terminal state; else the step k such that the path's last state is its state after k steps, the cycle being steps k+1…n.</param>
internal sealed record Lasso(int[] Indices, int? CycleStart);

/// <summary>
/// Decides <c>Eventually</c> properties on every behaviour, after an exhaustive main search. For a
/// property P it builds G_P (<see cref="LivenessGraph"/>), and finds the counterexample whose stem is
/// shortest: a terminal state of the model, or a strongly connected component of G_P that contains a
/// weakly fair cycle. The graph is built by the engine's threads, level by level, and merged in
/// canonical order; components and the lasso are computed on one thread: the result is the same for
/// any thread count.
/// </summary>
/// <remarks>
/// Why no decomposition of components is needed for <em>weak</em> fairness: a cycle is weakly fair when
/// each class is taken on it or disabled in one of its states. Adding states or edges to a cycle can
/// only add such witnesses, never remove one, so the closed walk through every state and every edge of
/// a component is the fairest cycle in it: the component contains a fair cycle iff that walk is fair,
/// i.e. iff every class enabled in all of its states is taken on one of its internal edges. (Strong
/// fairness is not monotone this way — visiting more states can make a class enabled infinitely often —
/// which is why checkers for it must split components recursively.)
/// States are identified by their own fingerprint, not by a symmetry representative: a lasso must replay
/// exactly, and fairness classes name concrete actors and messages.
/// </remarks>
internal sealed class LivenessPass<TState, TAction>
{
    private readonly Model<TState, TAction> _model;
    private readonly Expander<TState, TAction> _expander;
    private readonly bool _symmetry;
    private readonly Fairness<TState, TAction> _fairness;
    private readonly int? _maxDepth;
    private readonly Func<bool> _stopRequested;
    private readonly int _threads;
    private readonly LivenessParallelism _parallelism;

    public LivenessPass(
        Model<TState, TAction> model, Expander<TState, TAction> expander, bool symmetry, Fairness<TState, TAction> fairness, int? maxDepth, Func<bool> stopRequested,
        int threads = 1, LivenessParallelism? parallelism = null)
    {
        _model = model;
        _expander = expander;
        _symmetry = symmetry;
        _fairness = fairness;
        _maxDepth = maxDepth;
        _stopRequested = stopRequested;
        _threads = Math.Max(1, threads);
        _parallelism = parallelism ?? LivenessParallelism.Default;
    }

    /// <summary>The graph of the last property checked (for tests and measurements).</summary>
    public LivenessGraph? LastGraph { get; private set; }

    /// <summary>A counterexample to <paramref name="property"/>, or null when it holds (or the pass was stopped: check the stop condition).</summary>
    public Lasso? FindCounterexample(Property<TState> property)
    {
        var graph = Build(property);
        LastGraph = graph;
        if (graph is null) return null;
        var component = StronglyConnected.Components(graph, _stopRequested, out var count);
        if (_stopRequested()) return null;
        var fair = FairComponents(graph, component, count);

        // The counterexample with the shortest stem: nodes are numbered in BFS order.
        for (var v = 0; v < graph.Count; v++)
        {
            if (graph.Terminal[v]) return new Lasso([.. graph.Stem(v)], null);
            if (fair[component[v]]) return LassoThrough(graph, component, v);
        }
        return null;
    }

    /// <summary>
    /// Breadth-first construction of G_P, level by level; null if stopped. Each level is expanded by
    /// workers that claim chunks of it in order (<see cref="LevelExpansion"/>: successors, their keys, the
    /// property and the fairness class of each, the targets already numbered), then merged on this
    /// thread in canonical order (<see cref="Merge"/>: new nodes numbered, edges and classes recorded;
    /// with one worker each chunk as soon as it is expanded),
    /// so the graph is the one a single thread builds, node for node, for any thread count.
    /// </summary>
    private LivenessGraph? Build(Property<TState> property)
    {
        var graph = new LivenessGraph();
        var level = new List<TState>();
        var inits = _model.InitStates().ToList();
        for (var i = 0; i < inits.Count; i++)
        {
            if (!_model.WithinBoundary(inits[i]) || Holds(property, inits[i])) continue;
            var key = Fingerprint.Of(inits[i]);
            if (graph.Ids.ContainsKey(key)) continue;
            graph.Add(key, -1, i, 1);
            level.Add(inits[i]);
        }
        using var pool = new WorkerPool(_threads);
        var chunks = new List<Chunk>();
        Expander<TState, TAction>.Scratch? scratch = null;
        var next = new List<TState>();
        var levelStart = 0;
        for (var depth = 1; level.Count > 0; depth++)
        {
            if (_stopRequested()) return null;
            if (_maxDepth is { } bound && depth >= bound)
            {
                // Beyond the checked depth: neither terminal nor expanded.
                for (var i = 0; i < level.Count; i++)
                {
                    graph.EdgeStart.Add(graph.EdgeTarget.Count);
                    graph.ClassStart.Add(graph.Classes.Count);
                }
                break;
            }
            var expansion = new LevelExpansion(this, property, graph, level, pool.Size > 1 && level.Count >= _parallelism.MinLevel ? pool.Size : 1, chunks);
            next.Clear();
            var v = levelStart;
            if (expansion.Workers == 1)
            {
                // One worker: each chunk is merged as soon as it is expanded, so little is held at a time.
                scratch ??= new Expander<TState, TAction>.Scratch();
                for (var c = 0; c < expansion.ChunkCount; c++)
                {
                    if (!expansion.ExpandChunkAt(c, scratch)) return null;
                    v = Merge(graph, v, chunks[c], next);
                }
            }
            else
            {
                pool.Run(expansion.Workers, expansion.Expand);
                if (expansion.Stopped) return null;
                for (var c = 0; c < expansion.ChunkCount; c++) v = Merge(graph, v, chunks[c], next);
            }
            levelStart += level.Count;
            (level, next) = (next, level);
        }
        graph.EdgeStart.Add(graph.EdgeTarget.Count);
        graph.ClassStart.Add(graph.Classes.Count);
        return graph;
    }

    /// <summary>What an expansion found about one successor.</summary>
    private struct Found
    {
        public int Action;
        public int Target; // a node's id; NewState: not numbered yet (its state is the chunk's next one); MeetsP: the property holds there
        public int Class; // an id; -1: not fair; below -1: not assigned yet, the chunk's pending key #(-2 - Class)
        public ulong Key;
    }

    private const int NewState = -1;
    private const int MeetsP = -2;
    private const int NewAgain = -3; // a ¬P state not numbered yet, met before in the same chunk

    /// <summary>A chunk of a level, expanded: per state, how many successors it has, and those successors. Reused level after level.</summary>
    private sealed class Chunk
    {
        public int Start;
        public int End;
        public readonly List<int> Counts = [];
        public readonly List<Found> Found = [];
        public readonly List<TState> States = [];
        public readonly List<object> PendingClasses = [];
        public readonly HashSet<ulong> Seen = []; // the new ¬P successors met in this chunk

        public void Reset(int start, int end)
        {
            (Start, End) = (start, end);
            Counts.Clear();
            Found.Clear();
            States.Clear();
            PendingClasses.Clear();
            Seen.Clear();
        }
    }

    /// <summary>The expansion of one level by the pool's workers: each claims chunks in order and expands their states (reading the graph's index, which no one writes meanwhile).</summary>
    private sealed class LevelExpansion
    {
        private readonly LivenessPass<TState, TAction> _pass;
        private readonly Property<TState> _property;
        private readonly LivenessGraph _graph;
        private readonly List<TState> _level;
        private readonly List<Chunk> _chunks;
        private readonly int _chunkSize;
        private int _nextChunk = -1;
        private int _stop; // 1: a stop was requested, or a worker failed

        public LevelExpansion(LivenessPass<TState, TAction> pass, Property<TState> property, LivenessGraph graph, List<TState> level, int workers, List<Chunk> chunks)
        {
            _pass = pass;
            _property = property;
            _graph = graph;
            _level = level;
            _chunks = chunks;
            Workers = workers;
            _chunkSize = workers == 1 ? pass._parallelism.MaxChunk : Math.Clamp(level.Count / (workers * 8), pass._parallelism.MinChunk, pass._parallelism.MaxChunk);
            ChunkCount = (level.Count + _chunkSize - 1) / _chunkSize;
            while (chunks.Count < ChunkCount) chunks.Add(new Chunk());
        }

        public int Workers { get; }
        public int ChunkCount { get; }

        /// <summary>True if the expansion stopped early (a stop was requested): the level is incomplete.</summary>
        public bool Stopped => Volatile.Read(ref _stop) != 0;

        public void Expand(int worker)
        {
            var scratch = new Expander<TState, TAction>.Scratch();
            try
            {
                for (var c = Interlocked.Increment(ref _nextChunk); c < ChunkCount; c = Interlocked.Increment(ref _nextChunk))
                {
                    var chunk = _chunks[c];
                    chunk.Reset(c * _chunkSize, Math.Min(_level.Count, (c + 1) * _chunkSize));
                    if (!ExpandChunk(chunk, scratch)) return;
                }
            }
            catch
            {
                Volatile.Write(ref _stop, 1); // the other workers stop at their next state; the pool rethrows this on the caller
                throw;
            }
        }

        /// <summary>Expands chunk <paramref name="c"/> on the calling thread; false if a stop was requested.</summary>
        public bool ExpandChunkAt(int c, Expander<TState, TAction>.Scratch scratch)
        {
            var chunk = _chunks[c];
            chunk.Reset(c * _chunkSize, Math.Min(_level.Count, (c + 1) * _chunkSize));
            return ExpandChunk(chunk, scratch);
        }

        /// <summary>Expands a chunk's states, letting go of each once taken; false if the expansion is to stop.</summary>
        private bool ExpandChunk(Chunk chunk, Expander<TState, TAction>.Scratch scratch)
        {
            var pass = _pass;
            var states = CollectionsMarshal.AsSpan(_level);
            for (var position = chunk.Start; position < chunk.End; position++)
            {
                if (Volatile.Read(ref _stop) != 0) return false;
                if ((position & 255) == 0 && pass._stopRequested())
                {
                    Volatile.Write(ref _stop, 1);
                    return false;
                }
                var state = states[position];
                states[position] = default!;
                var before = chunk.Found.Count;
                var sink = new Collect(pass._fairness, pass._symmetry, _property, _graph.Ids, chunk, scratch.Actions, state);
                pass._expander.Successors(state, 0, scratch, ref sink);
                chunk.Counts.Add(chunk.Found.Count - before);
            }
            return true;
        }
    }

    /// <summary>Records each successor with its own fingerprint (not a symmetry representative's), whether P holds there, and its fairness class.</summary>
    private readonly struct Collect(Fairness<TState, TAction> fairness, bool symmetry, Property<TState> property, Dictionary<ulong, int> ids, Chunk chunk, List<TAction> actions, TState state)
        : ISuccessorSink<TState>
    {
        public void Prefetch(ulong key) { } // looked up in a dictionary, not the visited set

        public void Accept(int actionIndex, TState next, ulong key)
        {
            if (symmetry) key = Fingerprint.Of(next);
            var found = new Found { Action = actionIndex, Key = key, Class = -1 };
            if (fairness.KeyOf(state, actions[actionIndex]) is { } classKey)
            {
                if (fairness.TryGetAssignedId(classKey, out var id)) found.Class = id;
                else
                {
                    found.Class = -2 - chunk.PendingClasses.Count;
                    chunk.PendingClasses.Add(classKey);
                }
            }
            // A node of G_P is a ¬P state: P is evaluated only for the successors not in the graph yet.
            // Within a chunk, a new ¬P successor met again is kept once (the merge finds it numbered the second time).
            if (ids.TryGetValue(key, out var target)) found.Target = target;
            else if (Holds(property, next)) found.Target = MeetsP;
            else if (!chunk.Seen.Add(key)) found.Target = NewAgain;
            else
            {
                found.Target = NewState;
                chunk.States.Add(next);
            }
            chunk.Found.Add(found);
        }
    }

    /// <summary>
    /// Adds an expanded chunk to the graph (chunks in order, node by node, successors in action order):
    /// numbers new nodes as a single-threaded breadth-first search would, assigns class ids in order of
    /// first use, and collects the next level's states. <paramref name="v"/> is the chunk's first node;
    /// returns the next chunk's.
    /// </summary>
    private int Merge(LivenessGraph graph, int v, Chunk chunk, List<TState> next)
    {
        var classes = _classes;
        var found = CollectionsMarshal.AsSpan(chunk.Found);
        var newStates = CollectionsMarshal.AsSpan(chunk.States);
        var f = 0;
        var s = 0;
        foreach (var count in chunk.Counts)
        {
            graph.EdgeStart.Add(graph.EdgeTarget.Count);
            graph.ClassStart.Add(graph.Classes.Count);
            graph.Terminal[v] = count == 0;
            classes.Clear();
            for (var end = f + count; f < end; f++)
            {
                ref var x = ref found[f];
                var k = x.Class < -1 ? _fairness.IdOf(chunk.PendingClasses[-2 - x.Class]) : x.Class;
                if (k >= 0) classes.Add(k);
                if (x.Target == MeetsP) continue;
                var target = x.Target;
                if (target == NewAgain) target = graph.Ids[x.Key];
                else if (target == NewState)
                {
                    var state = newStates[s];
                    newStates[s++] = default!;
                    if (!graph.Ids.TryGetValue(x.Key, out target))
                    {
                        target = graph.Add(x.Key, v, x.Action, graph.Depth[v] + 1);
                        next.Add(state);
                    }
                }
                graph.EdgeTarget.Add(target);
                graph.EdgeAction.Add(x.Action);
                graph.EdgeClass.Add(k);
            }
            if (classes.Count > 1) classes.Sort();
            for (var i = 0; i < classes.Count; i++)
                if (i == 0 || classes[i] != classes[i - 1]) graph.Classes.Add(classes[i]);
            v++;
        }
        chunk.Reset(0, 0); // lets go of the states
        return v;
    }

    private readonly List<int> _classes = [];

    private static bool Holds(Property<TState> property, TState state)
    {
        try { return property.Condition(state); }
        catch (Exception e) { CallbackFault.Annotate(e, $"evaluating property \"{property.Name}\" (Eventually) in the liveness pass"); throw; }
    }

    /// <summary>Per component: true if it has a cycle and the cycle through all of it is weakly fair (see the class remarks).</summary>
    /// <remarks>Visits the nodes component by component (a counting sort), counting per class in arrays indexed by class id.</remarks>
    internal static bool[] FairComponents(LivenessGraph graph, int[] component, int count)
    {
        var n = graph.Count;
        var first = new int[count + 1];
        for (var v = 0; v < n; v++) first[component[v] + 1]++;
        for (var c = 0; c < count; c++) first[c + 1] += first[c];
        var members = new int[n];
        var fill = first[..count];
        for (var v = 0; v < n; v++) members[fill[component[v]]++] = v;

        var classCount = 0;
        foreach (var k in graph.Classes) classCount = Math.Max(classCount, k + 1);
        foreach (var k in graph.EdgeClass) classCount = Math.Max(classCount, k + 1);
        var enabledIn = new int[classCount]; // per class: how many of the component's nodes enable it
        var takenIn = new int[classCount]; // per class: 1 + the last component with an internal edge taking it
        var touched = new List<int>();
        var fair = new bool[count];
        for (var c = 0; c < count; c++)
        {
            touched.Clear();
            var hasCycle = false;
            for (var m = first[c]; m < first[c + 1]; m++)
            {
                var v = members[m];
                for (var i = graph.ClassStart[v]; i < graph.ClassStart[v + 1]; i++)
                    if (enabledIn[graph.Classes[i]]++ == 0) touched.Add(graph.Classes[i]);
                var (start, end) = graph.Edges(v);
                for (var e = start; e < end; e++)
                {
                    if (component[graph.EdgeTarget[e]] != c) continue;
                    hasCycle = true; // an internal edge: a self-loop, or an edge of a component of two or more
                    if (graph.EdgeClass[e] >= 0) takenIn[graph.EdgeClass[e]] = c + 1;
                }
            }
            var size = first[c + 1] - first[c];
            fair[c] = hasCycle;
            foreach (var k in touched)
            {
                if (enabledIn[k] == size && takenIn[k] != c + 1) fair[c] = false;
                enabledIn[k] = 0;
            }
        }
        return fair;
    }

    /// <summary>
    /// The lasso to the component's first node (in BFS order) and a cycle from it that covers every
    /// fairness class it must: for each class enabled somewhere in the component, an internal edge
    /// taking it or, failing that, a state where it is disabled.
    /// </summary>
    private static Lasso LassoThrough(LivenessGraph graph, int[] component, int entry)
    {
        var c = component[entry];
        var members = new List<int>();
        for (var v = entry; v < graph.Count; v++) if (component[v] == c) members.Add(v);
        var relevant = new SortedSet<int>();
        foreach (var v in members)
            for (var i = graph.ClassStart[v]; i < graph.ClassStart[v + 1]; i++) relevant.Add(graph.Classes[i]);

        var covered = new HashSet<int>();
        var cycle = new List<int>(); // edge positions
        var at = entry;
        void Visit(int v)
        {
            foreach (var k in relevant) if (!graph.Enabled(v, k)) covered.Add(k);
        }
        void Take(int e)
        {
            cycle.Add(e);
            if (graph.EdgeClass[e] >= 0) covered.Add(graph.EdgeClass[e]);
            at = graph.EdgeTarget[e];
            Visit(at);
        }
        void GoTo(int target)
        {
            foreach (var e in Route(graph, component, at, target)) Take(e);
        }

        Visit(entry);
        Take(FirstInternalEdge(graph, component, entry)); // a cycle has at least one step
        foreach (var k in relevant)
        {
            if (covered.Contains(k)) continue;
            var edge = -1;
            foreach (var v in members)
            {
                var (start, end) = graph.Edges(v);
                for (var e = start; e < end && edge < 0; e++)
                    if (graph.EdgeClass[e] == k && component[graph.EdgeTarget[e]] == c) edge = e;
                if (edge >= 0) break;
            }
            if (edge >= 0)
            {
                GoTo(SourceOf(graph, edge));
                Take(edge);
            }
            else
            {
                GoTo(members.First(v => !graph.Enabled(v, k))); // exists: the component is fair
            }
        }
        GoTo(entry);

        var indices = graph.Stem(entry);
        var cycleStart = indices.Count - 1;
        foreach (var e in cycle) indices.Add(graph.EdgeAction[e]);
        return new Lasso([.. indices], cycleStart);
    }

    private static int FirstInternalEdge(LivenessGraph graph, int[] component, int v)
    {
        var (start, end) = graph.Edges(v);
        for (var e = start; e < end; e++) if (component[graph.EdgeTarget[e]] == component[v]) return e;
        throw new InvalidOperationException("A component with a cycle has a node without an internal edge.");
    }

    private static int SourceOf(LivenessGraph graph, int edge)
    {
        // EdgeStart is ascending: the source is the last node whose edges start at or before the edge.
        int lo = 0, hi = graph.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (graph.EdgeStart[mid] <= edge) lo = mid; else hi = mid - 1;
        }
        while (graph.EdgeStart[lo + 1] <= edge) lo++; // skip nodes without edges
        return lo;
    }

    /// <summary>The edges of a shortest route from <paramref name="from"/> to <paramref name="to"/> inside one component (lowest action first).</summary>
    private static List<int> Route(LivenessGraph graph, int[] component, int from, int to)
    {
        var route = new List<int>();
        if (from == to) return route;
        var via = new Dictionary<int, int> { [from] = -1 }; // node → edge it was reached by
        var queue = new Queue<int>();
        queue.Enqueue(from);
        while (queue.Count > 0 && !via.ContainsKey(to))
        {
            var v = queue.Dequeue();
            var (start, end) = graph.Edges(v);
            for (var e = start; e < end; e++)
            {
                var w = graph.EdgeTarget[e];
                if (component[w] != component[from] || via.ContainsKey(w)) continue;
                via[w] = e;
                queue.Enqueue(w);
            }
        }
        for (var v = to; v != from; v = SourceOf(graph, via[v])) route.Add(via[v]);
        route.Reverse();
        return route;
    }
}

/// <summary>When the liveness pass expands a level in parallel, and in chunks of what size (tests lower them to exercise the parallel path on small graphs).</summary>
internal sealed record LivenessParallelism(int MinLevel, int MinChunk, int MaxChunk)
{
    /// <summary>A level narrower than 512 states is expanded on one thread, as in BFS; chunks of 64 to 2,048 states.</summary>
    public static LivenessParallelism Default { get; } = new(512, 64, 2048);
}
