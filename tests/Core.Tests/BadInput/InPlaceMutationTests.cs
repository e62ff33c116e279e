namespace Stateright.Tests.BadInput;

/// <summary>Finding 4: a model that changes the state it is given, instead of returning a new one, is reported as such.</summary>
public class InPlaceMutationTests
{
    public sealed class Counter
    {
        public int X;
        public override string ToString() => $"X={X}";
    }

    /// <summary>0 → 2 → 4 → …, but by adding to the state it is given and returning it.</summary>
    private sealed class MutatingModel : Model<Counter, int>
    {
        public override IEnumerable<Counter> InitStates() => [new Counter()];
        public override void Actions(Counter state, List<int> actions) { if (state.X < 8) { actions.Add(1); actions.Add(2); } }
        public override Counter? NextState(Counter state, int action)
        {
            state.X += action; // the bug: changes the parent
            return state;
        }
        protected override IEnumerable<Property<Counter>> DefineProperties() => [Property<Counter>.Always("x is never 4", s => s.X != 4)];
    }

    /// <summary>A correct model whose property changes the state, from the 1,500th state on (after the default checks).</summary>
    private sealed class LateMutation : Model<Counter, int>
    {
        public override IEnumerable<Counter> InitStates() => [new Counter()];
        public override void Actions(Counter state, List<int> actions) { if (state.X < 3000) actions.Add(1); }
        public override Counter? NextState(Counter state, int action) => new() { X = state.X + action };
        protected override IEnumerable<Property<Counter>> DefineProperties() =>
            [Property<Counter>.Always("sneaky", s => { if (s.X == 1500) s.X = -1; return true; })];
    }

    [Theory]
    [InlineData("bfs", 1)]
    [InlineData("bfs", 2)]
    [InlineData("dfs", 1)]
    [InlineData("dfs", 2)]
    [InlineData("simulation", 1)]
    public void Mutating_the_state_in_NextState_faults_the_run_naming_the_step(string engine, int threads)
    {
        var builder = new MutatingModel().Checker().Threads(threads);
        var checker = engine switch { "bfs" => builder.SpawnBfs(), "dfs" => builder.SpawnDfs(), _ => builder.TargetStateCount(50).SpawnSimulation(1) };
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        var inner = Assert.IsType<StateMutatedException>(e.InnerException);
        Assert.Contains(engine == "simulation" ? "changed in place by NextState (or WithinBoundary) for action #" : "changed in place by NextState (or WithinBoundary) for action #0 (1)", inner.Message);
        Assert.Contains("must not modify the state they are given", e.Message);
        Assert.Contains("could not be checked", Assert.Throws<CheckerAssertionException>(checker.AssertProperties).Message); // never a pass
    }

    [Fact]
    public void A_mutation_after_the_first_states_is_found_by_the_debug_option()
    {
        var plain = new LateMutation().Checker().SpawnDfs().Join();
        Assert.Equal(CheckerStatus.Exhausted, plain.Status); // beyond the default window: not seen

        var checker = new LateMutation().Checker().DetectInPlaceMutation().SpawnDfs();
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.Contains("changed in place while its properties were evaluated", e.InnerException!.Message);
        Assert.Contains("evaluating", e.Message);
    }

    [Fact]
    public void The_nondeterminism_hint_mentions_in_place_mutation()
    {
        var e = Assert.Throws<PathReconstructionException>(() => Path<Counter, int>.FromIndices(new MutatingModel(), [1]));
        Assert.Contains("changes the state it is given in place", e.Message);
        Assert.Contains("DetectInPlaceMutation", e.Message);
    }
}
