namespace Stateright.Tests.BadInput;

/// <summary>Issue 28, item 1: a model with no initial state (or none within its boundary) is an error, never a pass.</summary>
public class NoInitialStateTests
{
    /// <summary>A user's model whose InitStates filter removed every state.</summary>
    private sealed class FilteredAway(bool boundaryExcludesAll = false) : Model<int, int>
    {
        public override IEnumerable<int> InitStates() => boundaryExcludesAll ? [1, 2] : new[] { 1, 2 }.Where(x => x > 5);
        public override void Actions(int state, List<int> actions) => actions.Add(1);
        public override int NextState(int state, int action) => state + action;
        public override bool WithinBoundary(int state) => !boundaryExcludesAll;
        protected override IEnumerable<Property<int>> DefineProperties() =>
        [
            Property<int>.Always("safe", s => s < 0),            // false everywhere: a pass would be a lie
            Property<int>.Eventually("done", s => s > 1000),     // never true
            Property<int>.Sometimes("reachable", s => s > 0),
        ];
    }

    public static TheoryData<string, int> Engines => new() { { "bfs", 1 }, { "bfs", 2 }, { "dfs", 1 }, { "dfs", 2 }, { "simulation", 1 }, { "simulation", 2 } };

    private static Checker<int, int> Spawn(CheckerBuilder<int, int> builder, string engine) => engine switch
    {
        "bfs" => builder.SpawnBfs(),
        "dfs" => builder.SpawnDfs(),
        _ => builder.TargetStateCount(100).SpawnSimulation(7),
    };

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_model_with_no_initial_state_faults_naming_the_model(string engine, int threads)
    {
        var checker = Spawn(new FilteredAway().Checker().Threads(threads), engine);
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.IsType<InvalidModelException>(e.InnerException);
        Assert.Contains("The model NoInitialStateTests.FilteredAway has no initial state", e.Message);
        Assert.Equal(CheckerStatus.Faulted, checker.Status);
        Assert.False(checker.IsComplete);
        Assert.Contains("could not be checked", Assert.Throws<CheckerAssertionException>(checker.AssertProperties).Message);
        Assert.Throws<CheckerAssertionException>(() => checker.AssertNoDiscovery("safe"));
        Assert.Throws<CheckerAssertionException>(() => checker.AssertNoDiscovery("done"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_model_whose_initial_states_all_lie_outside_its_boundary_faults(string engine, int threads)
    {
        var checker = Spawn(new FilteredAway(boundaryExcludesAll: true).Checker().Threads(threads), engine);
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.IsType<InvalidModelException>(e.InnerException);
        Assert.Contains("None of the 2 initial states of the model NoInitialStateTests.FilteredAway lies within its boundary", e.Message);
        Assert.Throws<CheckerAssertionException>(checker.AssertProperties);
    }
}
