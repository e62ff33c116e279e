using Xunit.Abstractions;
using Stateright.Examples;

namespace Stateright.Tests.Liveness;

/// <summary>
/// Issue 30: the liveness pass builds G_P with the engine's threads, level by level. Its graph must be
/// the one the former single-threaded construction built (kept here as <see cref="ReferenceBuild"/>),
/// node for node, and its discoveries the same for every thread count — with the parallel path forced
/// on small graphs (every level split into chunks of one to four states) — and right against the
/// independent enumeration of <see cref="RandomGraphCrossCheckTests"/>. Faults and stops in the
/// parallel pass are reported as before.
/// </summary>
public class ParallelPassTests
{
    private static readonly string?[] Classes = [null, "a", "b", "c", "d"];

    /// <summary>A random graph of 10 to 120 states, mostly with successors (few terminal states, so the pass decides most verdicts).</summary>
    internal static LabeledGraph WideRandomGraph(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(10, 121);
        var inits = Enumerable.Range(0, n).Where(_ => random.Next(8) == 0).DefaultIfEmpty(0).ToArray();
        var goalPercent = random.Next(15, 70);
        var goals = Enumerable.Range(0, n).Where(_ => random.Next(100) < goalPercent).ToArray();
        var graph = new LabeledGraph(inits, goals);
        for (var from = 0; from < n; from++)
            for (var edges = random.Next(10) == 0 ? 0 : random.Next(1, 5); edges > 0; edges--)
                graph.With(from, random.Next(4) == 0 ? random.Next(n) : (from + random.Next(1, 6)) % n, Classes[random.Next(Classes.Length)]);
        return graph;
    }

    private static string Describe(Checker<int, Edge> checker) =>
        checker.Discovery("goal") is { } path ? $"{path.Encode()} cycle {path.CycleStart}" : $"none ({checker.VerdictOf("goal")})";

    [Fact]
    public void Discoveries_match_one_thread_and_an_independent_enumeration_with_the_parallel_path_forced()
    {
        var violations = 0;
        var lassos = 0;
        for (var seed = 0; seed < 80; seed++)
        {
            var graph = WideRandomGraph(seed);
            foreach (var fair in new[] { true, false })
            {
                CheckerBuilder<int, Edge> Builder(int threads)
                {
                    var builder = graph.Checker().Threads(threads);
                    return fair ? builder : builder.Fairness((_, _) => null, "without fairness");
                }
                var one = Builder(1).SpawnBfs().Join();
                var expected = RandomGraphCrossCheckTests.Violated(graph, fair);
                Assert.True(expected == (one.VerdictOf("goal") == VerdictKind.Violated), $"seed {seed}, fair={fair}: expected violated={expected}, got {one.VerdictOf("goal")}");
                if (one.Discovery("goal") is { } path)
                {
                    RandomGraphCrossCheckTests.AssertGenuine(graph, path, fair);
                    if (path.CycleStart is not null) lassos++;
                }
                if (expected) violations++;
                foreach (var threads in new[] { 2, 3 })
                {
                    var parallel = Builder(threads).LivenessParallelism(1, 1, 4).SpawnBfs().Join();
                    Assert.True(Describe(one) == Describe(parallel), $"seed {seed}, fair={fair}, {threads} threads: {Describe(parallel)}; 1 thread: {Describe(one)}");
                    var dfs = Builder(threads).LivenessParallelism(1, 1, 4).SpawnDfs().Join();
                    Assert.Equal(one.VerdictOf("goal"), dfs.VerdictOf("goal"));
                }
            }
        }
        Assert.InRange(violations, 30, 145); // both verdicts are well represented
        Assert.True(lassos >= 10, $"only {lassos} lassos: the pass is not exercised");
    }

    /// <summary>The former single-threaded construction of G_P, kept as the reference the level-synchronous one must equal.</summary>
    private static LivenessGraph ReferenceBuild<TState, TAction>(Engine<TState, TAction> engine, Fairness<TState, TAction> fairness, Property<TState> property, int? maxDepth, bool symmetry)
    {
        var model = engine.Model;
        var scratch = new Expander<TState, TAction>.Scratch();
        var graph = new LivenessGraph();
        var pending = new List<TState>();
        var inits = model.InitStates().ToList();
        for (var i = 0; i < inits.Count; i++)
        {
            if (!model.WithinBoundary(inits[i]) || property.Condition(inits[i])) continue;
            var key = Fingerprint.Of(inits[i]);
            if (graph.Ids.ContainsKey(key)) continue;
            graph.Add(key, -1, i, 1);
            pending.Add(inits[i]);
        }
        var successors = new List<(int Action, TState State, ulong Key, int Class)>();
        var classes = new SortedSet<int>();
        for (var v = 0; v < graph.Count; v++)
        {
            var state = pending[v];
            graph.EdgeStart.Add(graph.EdgeTarget.Count);
            graph.ClassStart.Add(graph.Classes.Count);
            if (maxDepth is { } bound && graph.Depth[v] >= bound) continue;
            successors.Clear();
            var sink = new ReferenceSink<TState, TAction>(successors, scratch.Actions, state, fairness, symmetry);
            engine.Expander.Successors(state, 0, scratch, ref sink);
            graph.Terminal[v] = successors.Count == 0;
            classes.Clear();
            foreach (var s in successors)
            {
                if (s.Class >= 0) classes.Add(s.Class);
                if (property.Condition(s.State)) continue;
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

    private readonly struct ReferenceSink<TState, TAction>(List<(int, TState, ulong, int)> output, List<TAction> actions, TState state, Fairness<TState, TAction> fairness, bool symmetry)
        : ISuccessorSink<TState>
    {
        public void Prefetch(ulong key) { }

        public void Accept(int actionIndex, TState next, ulong key) =>
            output.Add((actionIndex, next, symmetry ? Fingerprint.Of(next) : key, fairness.ClassOf(state, actions[actionIndex])));
    }

    /// <summary>The former per-component fairness test (dictionaries over (component, class) pairs), the reference for the array-based one.</summary>
    private static bool[] ReferenceFairComponents(LivenessGraph graph, int[] component, int count)
    {
        var size = new int[count];
        var hasCycle = new bool[count];
        var enabledIn = new Dictionary<(int, int), int>();
        var taken = new HashSet<(int, int)>();
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
                hasCycle[c] = true;
                if (graph.EdgeClass[e] >= 0) taken.Add((c, graph.EdgeClass[e]));
            }
        }
        var fair = hasCycle.ToArray();
        foreach (var ((c, k), states) in enabledIn)
            if (states == size[c] && !taken.Contains((c, k))) fair[c] = false;
        return fair;
    }

    private static void AssertSameGraph(LivenessGraph expected, LivenessGraph actual, string context)
    {
        Assert.True(expected.Count == actual.Count, $"{context}: {actual.Count} nodes, expected {expected.Count}");
        Assert.True(expected.Ids.OrderBy(p => p.Value).SequenceEqual(actual.Ids.OrderBy(p => p.Value)), $"{context}: node numbering");
        void Same<T>(List<T> a, List<T> b, string what) => Assert.True(a.SequenceEqual(b), $"{context}: {what} differ");
        Same(expected.Parent, actual.Parent, "parents");
        Same(expected.ParentAction, actual.ParentAction, "parent actions");
        Same(expected.Depth, actual.Depth, "depths");
        Same(expected.EdgeStart, actual.EdgeStart, "edge starts");
        Same(expected.EdgeTarget, actual.EdgeTarget, "edge targets");
        Same(expected.EdgeAction, actual.EdgeAction, "edge actions");
        Same(expected.EdgeClass, actual.EdgeClass, "edge classes");
        Same(expected.ClassStart, actual.ClassStart, "class starts");
        Same(expected.Classes, actual.Classes, "enabled classes");
        Same(expected.Terminal, actual.Terminal, "terminal flags");
    }

    /// <summary>Builds G_P with the reference and with the pass at 1, 2 and 3 threads (parallel path forced), and compares graphs, fair components and lassos.</summary>
    private static int CompareWithReference<TState, TAction>(CheckerBuilder<TState, TAction> builder, int? maxDepth, bool symmetry, string context)
    {
        var engine = new BfsEngine<TState, TAction>(builder);
        var lassos = 0;
        foreach (var property in engine.Properties.Where(p => p.Expectation == Expectation.Eventually))
        {
            var reference = ReferenceBuild(engine, new Fairness<TState, TAction>(engine.Model, builder.FairnessValue), property, maxDepth, symmetry);
            var component = StronglyConnected.Components(reference, () => false, out var count);
            var fair = LivenessPass<TState, TAction>.FairComponents(reference, component, count);
            Assert.Equal(ReferenceFairComponents(reference, component, count), fair);
            string? first = null;
            foreach (var threads in new[] { 1, 2, 3 })
            {
                var pass = new LivenessPass<TState, TAction>(engine.Model, engine.Expander, symmetry, new Fairness<TState, TAction>(engine.Model, builder.FairnessValue), maxDepth, () => false,
                    threads, threads == 1 ? null : new LivenessParallelism(1, 1, 3));
                var lasso = pass.FindCounterexample(property);
                AssertSameGraph(reference, pass.LastGraph!, $"{context}, {threads} threads");
                var found = lasso is null ? "none" : $"{string.Join('/', lasso.Indices)} cycle {lasso.CycleStart}";
                first ??= found;
                Assert.True(first == found, $"{context}, {threads} threads: {found}; 1 thread: {first}");
                if (lasso?.CycleStart is not null && threads == 1) lassos++;
            }
        }
        return lassos;
    }

    [Fact]
    public void The_graph_is_the_former_single_threaded_construction_node_for_node()
    {
        var lassos = 0;
        for (var seed = 0; seed < 120; seed++)
        {
            var graph = WideRandomGraph(seed);
            int? maxDepth = seed % 3 == 0 ? 2 + seed % 7 : null;
            lassos += CompareWithReference(graph.Checker(), maxDepth, symmetry: false, $"seed {seed}, depth {maxDepth}");
            lassos += CompareWithReference(graph.Checker().Fairness((_, _) => null, "without fairness"), maxDepth, symmetry: false, $"seed {seed} unfair");
        }
        Assert.True(lassos >= 30, $"only {lassos} lassos");
    }

    [Fact]
    public void Actor_models_build_the_same_graph_as_the_former_construction()
    {
        // Actor models: fairness classes are records (deliveries, timers), assigned ids as first used.
        CompareWithReference(Actors.PingPong.Model(maxNat: 3).LossyNetwork().Checker(), null, symmetry: false, "ping-pong, lossy");
        CompareWithReference(Actors.PingPong.Model(maxNat: 5).Checker(), null, symmetry: true, "ping-pong, own fingerprints");
        CompareWithReference(Raft.ElectionModel().Checker(), null, symmetry: false, "Raft election, 2 servers");
        CompareWithReference(LwwRegister.ConvergenceModel([0, 2], fixFirstWrite: true).Checker(), null, symmetry: false, "LWW convergence [0, 2]");
        CompareWithReference(LwwRegister.ConvergenceModel([0, 2]).Checker(), 7, symmetry: false, "LWW convergence [0, 2], depth 7");
    }

    [Fact]
    public void An_actor_model_lasso_found_by_the_parallel_pass_is_the_one_thread_lasso()
    {
        string? first = null;
        foreach (var threads in new[] { 1, 2, 4 })
        {
            var builder = Raft.ElectionModel().Checker().Threads(threads);
            if (threads > 1) builder = builder.LivenessParallelism(1, 1, 8);
            var checker = builder.SpawnBfs().Join();
            var path = checker.Discovery("Leader Elected");
            Assert.NotNull(path);
            var found = $"{path.Encode()} cycle {path.CycleStart}";
            first ??= found;
            Assert.Equal(first, found);
        }
    }

    /// <summary>The first random graph whose liveness pass computes a fairness class over 100 times (the search never does).</summary>
    private static LabeledGraph GraphWhosePassCallsFairnessOften()
    {
        for (var seed = 0; ; seed++)
        {
            var graph = WideRandomGraph(seed);
            var calls = 0;
            graph.Checker().Fairness((_, a) => { Interlocked.Increment(ref calls); return a.Fair; }, "counted").SpawnBfs().Join();
            if (calls > 100) return graph;
        }
    }

    [Fact]
    public void A_fault_in_a_parallel_level_fails_the_run_and_names_the_callback()
    {
        // FairnessClass is called only by the liveness pass, so the fault comes from one of its workers.
        var graph = GraphWhosePassCallsFairnessOften();
        var calls = 0;
        var checker = graph.Checker().Threads(2).LivenessParallelism(1, 1, 1)
            .Fairness((s, a) => Interlocked.Increment(ref calls) > 20 ? throw new InvalidOperationException("fairness broke") : a.Fair, "broken")
            .SpawnBfs();
        var error = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.Equal(CheckerStatus.Faulted, checker.Status);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("fairness broke", error.Message);
        Assert.Contains("while computing an action's fairness class (FairnessClass)", error.Message);
    }

    [Fact]
    public void A_cancellation_during_the_parallel_pass_stops_it_and_decides_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        var graph = GraphWhosePassCallsFairnessOften();
        var calls = 0;
        var checker = graph.Checker().Threads(2).LivenessParallelism(1, 1, 1).WithCancellation(cancellation.Token)
            .Fairness((s, a) =>
            {
                if (Interlocked.Increment(ref calls) == 5) cancellation.Cancel();
                return a.Fair;
            }, "cancelling")
            .SpawnBfs().Join();
        Assert.Equal(CheckerStatus.Cancelled, checker.Status);
        Assert.NotEqual(VerdictKind.Holds, checker.VerdictOf("goal"));
        Assert.InRange(calls, 5, 200); // stopped within a few states of the request
    }
}

/// <summary>Large liveness passes (Category=Parity): the pass alone, at one and two threads, on models whose search is long.</summary>
public class ParallelPassParityTests(ITestOutputHelper output)
{
    /// <summary>
    /// Raft leader election with 3 servers (at most 6 messages in flight): its full state space is far
    /// larger than G_P (the states without a leader), so the pass is run here on its own, as the engine
    /// runs it after an exhaustive search. One and two threads must give the same lasso.
    /// </summary>
    [Fact]
    [Trait("Category", "Parity")]
    public void Raft_election_with_three_servers_the_pass_alone_gives_the_same_lasso_at_one_and_two_threads()
    {
        string? first = null;
        foreach (var threads in new[] { 1, 2 })
        {
            var found = PassAlone(Raft.ElectionModel(3, maxInFlight: 6).Checker().Threads(threads), threads);
            first ??= found;
            Assert.Equal(first, found);
        }
    }

    private string PassAlone<TState, TAction>(CheckerBuilder<TState, TAction> builder, int threads)
    {
        var engine = new BfsEngine<TState, TAction>(builder);
        var pass = new LivenessPass<TState, TAction>(engine.Model, engine.Expander, symmetry: false, engine.Fairness, null, () => false, threads);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var lasso = pass.FindCounterexample(engine.Properties.Single(p => p.Expectation == Expectation.Eventually));
        var found = lasso is null ? "holds" : $"counterexample {string.Join('/', lasso.Indices)} cycle {lasso.CycleStart}";
        output.WriteLine($"{threads} thread(s): {stopwatch.Elapsed.TotalSeconds:F1} s, G_P {pass.LastGraph!.Count:N0} nodes, {pass.LastGraph.EdgeTarget.Count:N0} edges, {found}");
        return found;
    }
}
