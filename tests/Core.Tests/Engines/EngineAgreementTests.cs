using Stateright.Tests.TestModels;

namespace Stateright.Tests.Engines;

/// <summary>
/// BFS, DFS and simulation share one expansion step, so they must agree on what a step is: which
/// states a depth limit leaves unchecked, that nothing outside the boundary is ever checked or ends a
/// reported path, and which properties a model has discoveries for.
/// </summary>
public class EngineAgreementTests
{
    public enum Engine { Bfs, Dfs, Simulation }

    private static Checker<TState, TAction> Run<TState, TAction>(CheckerBuilder<TState, TAction> builder, Engine engine, int threads = 1) =>
        (engine switch
        {
            Engine.Bfs => builder.Threads(threads).SpawnBfs(),
            Engine.Dfs => builder.Threads(threads).SpawnDfs(),
            // Enough walks to cover these small models many times over; the finish condition ends it early.
            _ => builder.Threads(threads).TargetStateCount(20_000).SpawnSimulation(7),
        }).Join();

    [Theory]
    [InlineData(Engine.Bfs, 1)]
    [InlineData(Engine.Bfs, 3)]
    [InlineData(Engine.Dfs, 1)]
    [InlineData(Engine.Dfs, 3)]
    [InlineData(Engine.Simulation, 1)]
    [InlineData(Engine.Simulation, 3)]
    public void A_depth_limit_leaves_the_states_at_that_depth_unchecked_in_every_engine(Engine engine, int targetMaxDepth)
    {
        var recorder = new StateRecorder<int, int>();
        var model = new CountUpTo(100, Property<int>.Sometimes("reaches 1", s => s == 1), Property<int>.Sometimes("reaches the limit", s => s == targetMaxDepth - 1));
        var checker = Run(model.Checker().TargetMaxDepth(targetMaxDepth).Visitor(recorder), engine);

        // Initial states are depth 1: a limit of d checks depths 1 .. d - 1, states 0 .. d - 2.
        Assert.Equal(Enumerable.Range(0, targetMaxDepth - 1), recorder.States.Distinct().Order());
        Assert.Equal(targetMaxDepth >= 3, checker.Discovery("reaches 1") is not null);
        Assert.Null(checker.Discovery("reaches the limit"));
    }

    [Theory]
    [InlineData(Engine.Bfs, 1)]
    [InlineData(Engine.Bfs, 2)]
    [InlineData(Engine.Dfs, 1)]
    [InlineData(Engine.Dfs, 2)]
    [InlineData(Engine.Simulation, 1)]
    [InlineData(Engine.Simulation, 2)]
    public void No_engine_checks_or_reports_a_state_outside_the_boundary(Engine engine, int threads)
    {
        var recorder = new StateRecorder<int, int>();
        var checker = Run(new Jumper().Checker().Visitor(recorder), engine, threads);

        Assert.All(recorder.States, s => Assert.True(s < Jumper.Bound, $"state {s} is outside the boundary"));
        Assert.Null(checker.Discovery("inside the boundary")); // an Always that only an out-of-boundary state violates
        var never = checker.Discovery("never");
        Assert.NotNull(never);
        // The eventually counterexample ends at the last state inside the boundary: its successors all leave it.
        Assert.Equal(Jumper.Bound - 1, never.LastState);
        Assert.All(never.States, s => Assert.True(s < Jumper.Bound));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Every_engine_finds_the_same_properties_and_the_exhaustive_ones_the_same_states(int threads)
    {
        var bfs = Run(new Lattice().Checker(), Engine.Bfs, threads);
        var dfs = Run(new Lattice().Checker(), Engine.Dfs, threads);
        var simulation = Run(new Lattice().Checker(), Engine.Simulation, threads);

        string[] names = ["diagonal", "corner", "past the corner", "finishes at the corner"];
        bool[] expected = [true, true, false, false];
        foreach (var checker in new object[] { bfs, dfs, simulation })
        {
            var c = (Checker<(int, int), int>)checker;
            Assert.Equal(expected, names.Select(n => c.Discovery(n) is not null));
        }
        Assert.Equal(Lattice.Size * Lattice.Size, bfs.UniqueStateCount);
        Assert.Equal(bfs.UniqueStateCount, dfs.UniqueStateCount);
        Assert.Equal(bfs.StateCount, dfs.StateCount);
        Assert.Equal(bfs.MaxDepth, dfs.MaxDepth);
        Assert.Equal(2 * Lattice.Size - 1, bfs.MaxDepth);
        // BFS reports the shortest path: Size - 1 steps to the diagonal's far end is not needed; (1, 1) is 2 steps.
        Assert.Equal(2, bfs.Discovery("diagonal")!.Length);
    }

    /// <summary>Counts up by 1 or jumps by 1000, inside a boundary the jumps always leave.</summary>
    private sealed class Jumper : Model<int, int>
    {
        public const int Bound = 20;
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) { actions.Add(1000); actions.Add(1); }
        public override bool TryNextState(int state, int action, out int next) { next = state + action; return true; }
        public override int NextState(int state, int action) => throw new NotSupportedException();
        public override bool WithinBoundary(int state) => state < Bound;
        protected override IEnumerable<Property<int>> DefineProperties() =>
        [
            Property<int>.Always("inside the boundary", s => s < Bound),
            Property<int>.Eventually("never", _ => false),
        ];
    }

    /// <summary>A grid walked right or up, with a diamond at every cell (many DAG joins).</summary>
    private sealed class Lattice : Model<(int X, int Y), int>
    {
        public const int Size = 12;
        public override IEnumerable<(int X, int Y)> InitStates() => [(0, 0)];
        public override void Actions((int X, int Y) state, List<int> actions)
        {
            if (state.X < Size - 1) actions.Add(0);
            if (state.Y < Size - 1) actions.Add(1);
        }
        public override bool TryNextState((int X, int Y) state, int action, out (int X, int Y) next)
        {
            next = action == 0 ? (state.X + 1, state.Y) : (state.X, state.Y + 1);
            return true;
        }
        public override (int X, int Y) NextState((int X, int Y) state, int action) => throw new NotSupportedException();
        protected override IEnumerable<Property<(int X, int Y)>> DefineProperties() =>
        [
            Property<(int X, int Y)>.Sometimes("diagonal", s => s.X == 1 && s.Y == 1),
            Property<(int X, int Y)>.Sometimes("corner", s => s == (Size - 1, Size - 1)),
            Property<(int X, int Y)>.Sometimes("past the corner", s => s.X >= Size),
            Property<(int X, int Y)>.Eventually("finishes at the corner", s => s == (Size - 1, Size - 1)),
        ];
    }
}
