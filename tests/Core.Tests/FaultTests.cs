using Stateright.Tests.TestModels;

namespace Stateright.Tests;

public class FaultTests
{
    public sealed record BadState(int Value, Action OnChange);

    private sealed class BadModel : Model<BadState, int>
    {
        public override IEnumerable<BadState> InitStates() => [new BadState(0, () => { })];
        public override void Actions(BadState state, List<int> actions) => actions.Add(1);
        public override BadState? NextState(BadState state, int action) => null;
    }

    private sealed class ThrowingProperty : Model<int, int>
    {
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) { if (state < 3) actions.Add(1); }
        public override bool TryNextState(int state, int action, out int next) { next = state + action; return true; }
        public override int NextState(int state, int action) => throw new NotSupportedException();
        protected override IEnumerable<Property<int>> DefineProperties() =>
            [Property<int>.Always("no division by zero", s => 10 / (2 - s) > 0)];
    }

    [Theory]
    [InlineData("bfs", 1)]
    [InlineData("bfs", 2)]
    [InlineData("dfs", 1)]
    [InlineData("dfs", 2)]
    [InlineData("simulation", 2)]
    public void A_throwing_model_stops_with_the_step_and_path(string engine, int threads)
    {
        var builder = new Panicker().Checker().Threads(threads);
        var checker = engine switch { "bfs" => builder.SpawnBfs(), "dfs" => builder.SpawnDfs(), _ => builder.SpawnSimulation(1) };
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.Equal(CheckerStatus.Faulted, checker.Status);
        Assert.Contains("computing the next state for action #0 (1)", e.Message);
        Assert.Contains("index path 0/0/0/0/0/0", e.Message);
        Assert.Contains("State: 5", e.Message);
        Assert.Contains("reached panic state", e.Message);
        Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Contains("checking failed", Assert.Throws<CheckerAssertionException>(checker.AssertProperties).Message);
    }

    [Fact]
    public void A_throwing_property_names_the_state()
    {
        var checker = new ThrowingProperty().Checker().SpawnBfs();
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.Contains("evaluating property \"no division by zero\" (Always)", e.Message);
        Assert.Contains("index path 0/0/0", e.Message);
        Assert.IsType<DivideByZeroException>(e.InnerException);
    }

    [Fact]
    public void An_unfingerprintable_state_fails_at_checker_start()
    {
        var e = Assert.Throws<UnfingerprintableTypeException>(() => new BadModel().Checker().SpawnBfs());
        Assert.Contains("BadState.OnChange", e.Message);
        Assert.Contains("System.Action", e.Message);
    }
}
