using Stateright.Tests.TestModels;

namespace Stateright.Tests.BadInput;

/// <summary>Finding 3: a model with no properties is checked exhaustively, and its faults surface.</summary>
public class NoPropertiesTests
{
    /// <summary>0 → 1 → 2 → 3, and NextState throws at the third state.</summary>
    private sealed class ThrowsAtThirdState(bool faulty) : Model<int, int>
    {
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) { if (state < 3) actions.Add(1); }
        public override bool TryNextState(int state, int action, out int next)
        {
            if (faulty && state == 2) throw new InvalidOperationException("broken at the third state");
            next = state + action;
            return true;
        }
        public override int NextState(int state, int action) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData("bfs")]
    [InlineData("dfs")]
    public void A_fault_surfaces_in_a_model_without_properties(string engine)
    {
        var builder = new ThrowsAtThirdState(faulty: true).Checker();
        var checker = engine == "bfs" ? builder.SpawnBfs() : builder.SpawnDfs();
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.Contains("broken at the third state", e.Message);
        Assert.Equal(CheckerStatus.Faulted, checker.Status);
        Assert.False(checker.IsComplete);
        Assert.Contains("no properties, and checking failed", Assert.Throws<CheckerAssertionException>(checker.AssertProperties).Message);
    }

    [Theory]
    [InlineData("bfs")]
    [InlineData("dfs")]
    public void A_model_without_properties_is_checked_exhaustively(string engine)
    {
        var builder = new ThrowsAtThirdState(faulty: false).Checker();
        var checker = (engine == "bfs" ? builder.SpawnBfs() : builder.SpawnDfs()).Join();
        Assert.Equal(CheckerStatus.Exhausted, checker.Status);
        Assert.Equal(4, checker.UniqueStateCount);
        Assert.True(checker.IsComplete);
        checker.AssertProperties();
    }

    [Fact]
    public void A_simulation_without_properties_runs_until_its_target_and_is_incomplete()
    {
        var checker = new Counter().Checker().TargetMaxDepth(20).TargetStateCount(100).SpawnSimulation(1).Join();
        Assert.Equal(CheckerStatus.TargetStateCountReached, checker.Status);
        Assert.False(checker.IsComplete);
        Assert.Contains("no properties, and model checking is incomplete", Assert.Throws<CheckerAssertionException>(checker.AssertProperties).Message);
    }
}
