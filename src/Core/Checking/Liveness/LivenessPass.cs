namespace Stateright;

/// <summary>A counterexample to an <c>Eventually</c> property: an index path and, for an infinite behaviour, where its cycle starts.</summary>
/// <param name="Indices">The initial-state index, then each action's index.</param>
/// <param name="CycleStart">Null for a finite behaviour ending in a terminal state; else the step k such that the path's last state is its state after k steps, the cycle being steps k+1…n.</param>
internal sealed record Lasso(int[] Indices, int? CycleStart);

/// <summary>
/// Decides <c>Eventually</c> properties on every behaviour, after an exhaustive main search. For a
/// property P it builds G_P (<see cref="LivenessGraph"/>), and finds the counterexample whose stem is
/// shortest: a terminal state of the model, or a strongly connected component of G_P that contains a
/// weakly fair cycle. Single-threaded, so its result is the same for any thread count.
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
internal sealed class LivenessPass<TState, TAction>(
    Model<TState, TAction> model, Expander<TState, TAction> expander, bool symmetry, Fairness<TState, TAction> fairness, int? maxDepth, Func<bool> stopRequested)
{
    private readonly record struct Successor(int Action, TState State, ulong Key, int Class);

    private readonly Expander<TState, TAction>.Scratch _scratch = new();

    /// <summary>The graph of the last property checked (for tests and measurements).</summary>
    public LivenessGraph? LastGraph { get; private set; }

    /// <summary>A counterexample to <paramref name="property"/>, or null when it holds (or the pass was stopped: check the stop condition).</summary>
    public Lasso? FindCounterexample(Property<TState> property)
    {
        var graph = Build(property);
        LastGraph = graph;
        if (graph is null) return null;
        var component = StronglyConnected.Components(graph, stopRequested, out var count);
        if (stopRequested()) return null;
        var fair = FairComponents(graph, component, count);

        // The counterexample with the shortest stem: nodes are numbered in BFS order.
        for (var v = 0; v < graph.Count; v++)
        {
            if (graph.Terminal[v]) return new Lasso([.. graph.Stem(v)], null);
            if (fair[component[v]]) return LassoThrough(graph, component, v);
        }
        return null;
    }

    /// <summary>Breadth-first construction of G_P; null if stopped.</summary>
    private LivenessGraph? Build(Property<TState> property)
    {
        var graph = new LivenessGraph();
        var pending = new List<TState>();
        var inits = model.InitStates().ToList();
        for (var i = 0; i < inits.Count; i++)
        {
            if (!model.WithinBoundary(inits[i]) || Holds(property, inits[i])) continue;
            var key = Fingerprint.Of(inits[i]);
            if (graph.Ids.ContainsKey(key)) continue;
            graph.Add(key, -1, i, 1);
            pending.Add(inits[i]);
        }
        var successors = new List<Successor>();
        var classes = new SortedSet<int>();
        for (var v = 0; v < graph.Count; v++)
        {
            if ((v & 1023) == 0 && stopRequested()) return null;
            var state = pending[v];
            pending[v] = default!; // expanded states are not kept
            graph.EdgeStart.Add(graph.EdgeTarget.Count);
            graph.ClassStart.Add(graph.Classes.Count);
            if (maxDepth is { } bound && graph.Depth[v] >= bound) continue; // beyond the checked depth: neither terminal nor expanded
            Successors(state, successors);
            graph.Terminal[v] = successors.Count == 0;
            classes.Clear();
            foreach (var s in successors)
            {
                if (s.Class >= 0) classes.Add(s.Class);
                if (Holds(property, s.State)) continue;
                if (!graph.Ids.TryGetValue(s.Key, out var target))
                {
                    target = graph.Add(s.Key, v, s.Action, graph.Depth[v] + 1);
                    pending.Add(s.State);
                }
                graph.EdgeTarget.Add(target);
                graph.EdgeAction.Add(s.Action);
                graph.EdgeClass.Add(s.Class);
            }
            graph.Classes.AddRange(classes);
        }
        graph.EdgeStart.Add(graph.EdgeTarget.Count);
        graph.ClassStart.Add(graph.Classes.Count);
        return graph;
    }

    /// <summary>The successors of a state, in action-index order, from the engines' shared expansion step.</summary>
    private void Successors(TState state, List<Successor> output)
    {
        output.Clear();
        var sink = new Collect(output, _scratch.Actions, state, fairness, symmetry);
        expander.Successors(state, 0, _scratch, ref sink);
    }

    /// <summary>Keeps each successor with its own fingerprint (not a symmetry representative's) and fairness class.</summary>
    private readonly struct Collect(List<Successor> output, List<TAction> actions, TState state, Fairness<TState, TAction> fairness, bool symmetry)
        : ISuccessorSink<TState>
    {
        public void Prefetch(ulong key) { } // nothing looked up

        public void Accept(int actionIndex, TState next, ulong key) =>
            output.Add(new Successor(actionIndex, next, symmetry ? Fingerprint.Of(next) : key, fairness.ClassOf(state, actions[actionIndex])));
    }

    private static bool Holds(Property<TState> property, TState state)
    {
        try { return property.Condition(state); }
        catch (Exception e) { CallbackFault.Annotate(e, $"evaluating property \"{property.Name}\" (Eventually) in the liveness pass"); throw; }
    }

    /// <summary>Per component: true if it has a cycle and the cycle through all of it is weakly fair (see the class remarks).</summary>
    private static bool[] FairComponents(LivenessGraph graph, int[] component, int count)
    {
        var size = new int[count];
        var hasCycle = new bool[count];
        var enabledIn = new Dictionary<(int Component, int Class), int>();
        var taken = new HashSet<(int Component, int Class)>();
        for (var v = 0; v < graph.Count; v++)
        {
            var c = component[v];
            size[c]++;
            for (var i = graph.ClassStart[v]; i < graph.ClassStart[v + 1]; i++)
                enabledIn[(c, graph.Classes[i])] = enabledIn.GetValueOrDefault((c, graph.Classes[i])) + 1;
            var (start, end) = graph.Edges(v);
            for (var e = start; e < end; e++)
            {
                if (component[graph.EdgeTarget[e]] != c) continue;
                hasCycle[c] = true; // an internal edge: a self-loop, or an edge of a component of two or more
                if (graph.EdgeClass[e] >= 0) taken.Add((c, graph.EdgeClass[e]));
            }
        }
        var fair = hasCycle.ToArray();
        foreach (var ((c, k), states) in enabledIn)
            if (states == size[c] && !taken.Contains((c, k))) fair[c] = false;
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
