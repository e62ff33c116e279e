namespace Stateright.Tests.Liveness;

/// <summary>
/// The checker's <c>Eventually</c> verdicts on random small graphs against an independent enumeration
/// written here: the transitive closure of the ¬goal subgraph (not Tarjan), strongly connected
/// components read off it, and the weak-fairness condition applied to each. Every reported lasso is also
/// replayed and checked to be a genuine, fair counterexample.
/// </summary>
public class RandomGraphCrossCheckTests
{
    private static readonly string?[] Classes = [null, "a", "b", "c"];

    internal static LabeledGraph RandomGraph(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(1, 8);
        var inits = Enumerable.Range(0, n).Where(_ => random.Next(3) == 0).DefaultIfEmpty(0).ToArray();
        var goals = Enumerable.Range(0, n).Where(_ => random.Next(4) == 0).ToArray();
        var graph = new LabeledGraph(inits, goals);
        for (var from = 0; from < n; from++)
            for (var edges = random.Next(0, 4); edges > 0; edges--)
                graph.With(from, random.Next(n), Classes[random.Next(Classes.Length)]);
        return graph;
    }

    /// <summary>True if some behaviour never reaches a goal: a reachable terminal ¬goal state, or a reachable fair cycle of ¬goal states.</summary>
    internal static bool Violated(LabeledGraph graph, bool fair)
    {
        var nodes = new List<int>();
        var queue = new Queue<int>(graph.Inits.Where(s => !graph.IsGoal(s)).Distinct());
        var seen = new HashSet<int>(queue);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            nodes.Add(v);
            foreach (var e in graph.EdgesOf(v))
                if (!graph.IsGoal(e.To) && seen.Add(e.To)) queue.Enqueue(e.To);
        }
        if (nodes.Any(v => graph.EdgesOf(v).Count == 0)) return true;

        // reach[u][v]: a path of one or more steps from u to v inside the ¬goal subgraph.
        var reach = nodes.ToDictionary(u => u, u => new HashSet<int>(graph.EdgesOf(u).Where(e => !graph.IsGoal(e.To)).Select(e => e.To)));
        foreach (var k in nodes)
            foreach (var u in nodes)
                if (reach[u].Contains(k)) reach[u].UnionWith(reach[k]);
        foreach (var u in nodes.Where(u => reach[u].Contains(u)))
        {
            var component = nodes.Where(v => reach[u].Contains(v) && reach[v].Contains(u)).ToHashSet();
            var enabledEverywhere = component.Select(v => graph.EdgesOf(v).Where(e => fair && e.Fair is not null).Select(e => e.Fair!).ToHashSet())
                .Aggregate((a, b) => { a.IntersectWith(b); return a; });
            var taken = component.SelectMany(v => graph.EdgesOf(v).Where(e => component.Contains(e.To) && e.Fair is not null).Select(e => e.Fair!)).ToHashSet();
            if (enabledEverywhere.IsSubsetOf(taken)) return true;
        }
        return false;
    }

    /// <summary>Checks that a reported path is a counterexample: no goal on it, and it ends in a terminal state or closes a fair cycle.</summary>
    internal static void AssertGenuine(LabeledGraph graph, Path<int, Edge> path, bool fair)
    {
        Assert.DoesNotContain(path.States, graph.IsGoal);
        if (path.CycleStart is not { } k)
        {
            Assert.Empty(graph.EdgesOf(path.LastState));
            return;
        }
        Assert.Equal(path.States[k], path.LastState);
        var cycle = path.States.Skip(k).Take(path.Length - k).ToList();
        var taken = path.Actions.Skip(k).Where(e => e.Fair is not null).Select(e => e.Fair!).ToHashSet();
        foreach (var c in cycle.SelectMany(v => graph.EdgesOf(v)).Where(e => fair && e.Fair is not null).Select(e => e.Fair!).Distinct())
            Assert.True(taken.Contains(c) || cycle.Any(v => graph.EdgesOf(v).All(e => e.Fair != c)), $"class {c} is enabled throughout the cycle and never taken");
    }

    [Fact]
    public void Verdicts_match_an_independent_enumeration_on_random_graphs()
    {
        var violations = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var graph = RandomGraph(seed);
            foreach (var fair in new[] { true, false })
            {
                var builder = graph.Checker();
                if (!fair) builder = builder.Fairness((_, _) => null, "without fairness");
                var checker = builder.SpawnBfs().Join();
                var expected = Violated(graph, fair);
                Assert.True(expected == (checker.VerdictOf("goal") == VerdictKind.Violated), $"seed {seed}, fair={fair}: expected violated={expected}, got {checker.VerdictOf("goal")}");
                if (checker.Discovery("goal") is { } path) AssertGenuine(graph, path, fair);
                if (expected) violations++;
            }
        }
        Assert.InRange(violations, 100, 700); // both verdicts are well represented
    }
}
