namespace Stateright.Tests.BadInput;

/// <summary>
/// Issue 28's fuzz test: random small graphs as models — some with no initial state (or none within the
/// boundary), some not deterministic — checked by every engine at one and two threads. A verdict that
/// says a property holds (or has no example) must agree with an independent enumeration written here;
/// every discovery must be what it claims to be; a model that is not deterministic is reported as
/// such, or gives only discoveries that are genuine; a model without initial states is an error.
/// </summary>
public class RandomModelFuzzTests
{
    /// <summary>How a fuzzed model breaks determinism.</summary>
    public enum Flaw { None, RandomNextState, RandomActions, RandomInitStates }

    /// <summary>
    /// A graph on states 0…n-1: initial states, edges (actions are edge indices), a boundary, and the
    /// sets that three properties read. A flawed graph draws from a shared random source.
    /// </summary>
    public sealed class FuzzGraph : Model<int, int>
    {
        public required int Size { get; init; }
        public required int[] Inits { get; init; }
        public required int[][] Edges { get; init; }
        public required HashSet<int> Outside { get; init; }
        public required HashSet<int> Bad { get; init; }
        public required HashSet<int> Good { get; init; }
        public required HashSet<int> Goal { get; init; }
        public required Flaw Flaw { get; init; }
        public required Random Random { get; init; }

        private bool Draw(int percent) { lock (Random) return Random.Next(100) < percent; }
        private int DrawState() { lock (Random) return Random.Next(Size); }

        public override IEnumerable<int> InitStates() =>
            Flaw == Flaw.RandomInitStates ? Inits.Where(_ => !Draw(30)).ToArray() : Inits;

        public override void Actions(int state, List<int> actions)
        {
            var count = Edges[state].Length;
            if (Flaw == Flaw.RandomActions && count > 0 && Draw(30)) count--;
            for (var i = 0; i < count; i++) actions.Add(i);
        }

        public override int NextState(int state, int action) =>
            Flaw == Flaw.RandomNextState && Draw(30) ? DrawState() : Edges[state][action];

        public override bool WithinBoundary(int state) => !Outside.Contains(state);

        protected override IEnumerable<Property<int>> DefineProperties() =>
        [
            Property<int>.Always("never bad", s => !Bad.Contains(s)),
            Property<int>.Sometimes("good", Good.Contains),
            Property<int>.Eventually("goal", Goal.Contains),
        ];

        public override string ToString() =>
            $"n={Size} inits=[{string.Join(',', Inits)}] outside=[{string.Join(',', Outside)}] bad=[{string.Join(',', Bad)}] good=[{string.Join(',', Good)}] goal=[{string.Join(',', Goal)}] flaw={Flaw} " +
            $"edges={string.Join(' ', Edges.Select((e, i) => $"{i}->[{string.Join(',', e)}]"))}";
    }

    internal static FuzzGraph RandomModel(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(1, 9);
        int[] Subset(int percent) => Enumerable.Range(0, n).Where(_ => random.Next(100) < percent).ToArray();
        var inits = random.Next(8) == 0 ? [] : Subset(30) is { Length: > 0 } some ? some : [random.Next(n)];
        var edges = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(n)).ToArray()).ToArray();
        var flaws = Enum.GetValues<Flaw>();
        return new FuzzGraph
        {
            Size = n,
            Inits = inits,
            Edges = edges,
            Outside = [.. Subset(12)],
            Bad = [.. Subset(15)],
            Good = [.. Subset(15)],
            Goal = [.. Subset(25)],
            Flaw = random.Next(3) == 0 ? flaws[random.Next(1, flaws.Length)] : Flaw.None,
            Random = new Random(seed),
        };
    }

    /// <summary>The independent enumeration: what each property's verdict must be, for a deterministic graph with a start.</summary>
    internal sealed class Enumeration
    {
        public Enumeration(FuzzGraph g)
        {
            bool Inside(int s) => !g.Outside.Contains(s);
            IEnumerable<int> Successors(int s) => g.Edges[s].Where(Inside);
            var starts = g.Inits.Where(Inside).Distinct().ToList();
            HasStart = starts.Count > 0;

            var reachable = new HashSet<int>(starts);
            var queue = new Queue<int>(starts);
            while (queue.Count > 0)
                foreach (var t in Successors(queue.Dequeue()))
                    if (reachable.Add(t)) queue.Enqueue(t);
            AlwaysViolated = reachable.Overlaps(g.Bad);
            SometimesFound = reachable.Overlaps(g.Good);

            // Eventually: some behaviour avoids the goal forever — it reaches, through non-goal states only,
            // a terminal state or a cycle of non-goal states (no fairness: every cycle counts).
            var avoiding = new HashSet<int>(starts.Where(s => !g.Goal.Contains(s)));
            queue = new Queue<int>(avoiding);
            while (queue.Count > 0)
                foreach (var t in Successors(queue.Dequeue()))
                    if (!g.Goal.Contains(t) && avoiding.Add(t)) queue.Enqueue(t);
            bool OnCycle(int s)
            {
                var seen = new HashSet<int>();
                var stack = new Stack<int>(Successors(s).Where(avoiding.Contains));
                while (stack.Count > 0)
                {
                    var v = stack.Pop();
                    if (v == s) return true;
                    if (!seen.Add(v)) continue;
                    foreach (var t in Successors(v).Where(avoiding.Contains)) stack.Push(t);
                }
                return false;
            }
            EventuallyViolated = avoiding.Any(s => !Successors(s).Any() || OnCycle(s));
        }

        public bool HasStart { get; }
        public bool AlwaysViolated { get; }
        public bool SometimesFound { get; }
        public bool EventuallyViolated { get; }
    }

    public static TheoryData<string, int> Engines => new() { { "bfs", 1 }, { "bfs", 2 }, { "dfs", 1 }, { "dfs", 2 }, { "simulation", 1 }, { "simulation", 2 } };

    [Theory]
    [MemberData(nameof(Engines))]
    public void Random_models_get_only_true_verdicts(string engine, int threads)
    {
        var seen = new Dictionary<string, int>();
        void Count(string what) => seen[what] = seen.GetValueOrDefault(what) + 1;
        for (var seed = 0; seed < 300; seed++)
        {
            var model = RandomModel(seed);
            var context = $"seed {seed}, {engine} at {threads} threads: {model}";
            var builder = model.Checker().Threads(threads);
            var checker = engine switch
            {
                "bfs" => builder.SpawnBfs(),
                "dfs" => builder.SpawnDfs(),
                _ => builder.TargetStateCount(400).SpawnSimulation((ulong)seed),
            };
            checker.WaitQuietly();
            var nondeterminism = checker.Error?.InnerException is NondeterministicModelException;
            if (nondeterminism) Assert.True(model.Flaw != Flaw.None, $"a deterministic model reported as not deterministic: {context}\n{checker.Error!.Message}");

            foreach (var (name, path) in checker.Discoveries) AssertGenuine(model, name, path, context);

            if (model.Flaw != Flaw.None)
            {
                Count(nondeterminism ? "flawed, reported" : "flawed, genuine discoveries only");
                continue;
            }
            var truth = new Enumeration(model);
            if (!truth.HasStart)
            {
                Assert.True(checker.Error?.InnerException is InvalidModelException, $"a model with no initial state within its boundary was not an error: {context}\n{checker.Status} {checker.Error?.Message}");
                Assert.Empty(checker.Discoveries);
                Count("no start");
                continue;
            }
            Assert.True(checker.Error is null, $"{context}\n{checker.Error?.Message}");
            AssertAgrees(checker, "never bad", truth.AlwaysViolated, context);
            AssertAgrees(checker, "good", truth.SometimesFound, context);
            AssertAgrees(checker, "goal", truth.EventuallyViolated, context);
            Count("deterministic");
        }
        // Every kind of model is well represented.
        Assert.InRange(seen.GetValueOrDefault("deterministic"), 120, 300);
        Assert.InRange(seen.GetValueOrDefault("no start"), 10, 120);
        Assert.InRange(seen.GetValueOrDefault("flawed, reported"), 10, 120);
    }

    /// <summary>
    /// A verdict of "holds" or "no example" only where the enumeration agrees; an exhaustive engine
    /// also finds every discovery there is (a complete run, so its verdicts are conclusive).
    /// </summary>
    private static void AssertAgrees(Checker<int, int> checker, string property, bool discoverable, string context)
    {
        var verdict = checker.VerdictOf(property);
        if (verdict is VerdictKind.Holds or VerdictKind.NoExample)
            Assert.False(discoverable, $"\"{property}\" was reported {verdict}, but the enumeration finds a discovery: {context}");
        if (checker.EngineName != "simulation")
            Assert.True(discoverable == checker.Discoveries.ContainsKey(property), $"\"{property}\": {verdict}, enumeration says discoverable={discoverable}: {context}");
    }

    /// <summary>A discovery is what it claims: its path replays (for a deterministic model) and its last state violates or satisfies the property.</summary>
    private static void AssertGenuine(FuzzGraph model, string property, Path<int, int> path, string context)
    {
        var states = path.States;
        var claim = $"\"{property}\" discovery {path.Encode()}: {context}";
        Assert.DoesNotContain(states, model.Outside.Contains);
        switch (property)
        {
            case "never bad": Assert.True(model.Bad.Contains(path.LastState), $"not a violation: {claim}"); break;
            case "good": Assert.True(model.Good.Contains(path.LastState), $"not an example: {claim}"); break;
            default:
                Assert.True(!states.Any(model.Goal.Contains), $"the goal is met on the path: {claim}");
                if (path.CycleStart is { } k) Assert.True(states[k] == path.LastState, $"the lasso does not close: {claim}");
                else if (model.Flaw != Flaw.RandomActions) Assert.True(model.Edges[path.LastState].All(model.Outside.Contains), $"the last state is not terminal: {claim}");
                break;
        }
        // A behaviour the model has: it starts in one of its initial states, and each step takes an action
        // the state has (an edge; a flawed NextState may also jump to any state, which the model can do).
        Assert.True(model.Inits.Contains(states[0]), $"the path does not start in an initial state: {claim}");
        for (var i = 0; i < path.Length; i++)
        {
            Assert.True(path.Actions[i] >= 0 && path.Actions[i] < model.Edges[states[i]].Length, $"step {i + 1} takes an action state {states[i]} does not have: {claim}");
            if (model.Flaw != Flaw.RandomNextState)
                Assert.True(model.Edges[states[i]][path.Actions[i]] == states[i + 1], $"step {i + 1} is not an edge of the graph: {claim}");
        }
        if (model.Flaw != Flaw.None) return;
        // Deterministic: an independent replay of the index path gives the same states.
        Assert.Equal(states, Path<int, int>.FromIndices(model, path.Indices).States);
    }
}
