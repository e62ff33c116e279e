using System.Reflection;
using Stateright.Snapshots;
using Stateright.Testing;

namespace Stateright.Tests.Testing;

/// <summary>Issue 28 through the model-test contract every front end shares: a misbehaving model fails every case, and writes no snapshot.</summary>
[Collection(nameof(ModelRunCache))]
public sealed class MisbehavingModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("stateright-misbehaving-").FullName;
    private static readonly SnapshotEnvironment Local = new(false, false, false);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A filter that removed every initial state.</summary>
    public sealed class NoStart : Model<int, int>
    {
        public override IEnumerable<int> InitStates() => new[] { 1, 2 }.Where(x => x > 5);
        public override void Actions(int state, List<int> actions) => actions.Add(1);
        public override int NextState(int state, int action) => state + action;
        protected override IEnumerable<Property<int>> DefineProperties() =>
            [Property<int>.Always("safe", s => s < 0), Property<int>.Eventually("done", s => s > 1000)];
    }

    /// <summary>A step size drawn from a counter shared by every call.</summary>
    public sealed class Drawing : Model<int, int>
    {
        private int _calls;
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) { if (state < 40) actions.Add(1); }
        public override int NextState(int state, int action) => state + 1 + (Interlocked.Increment(ref _calls) % 2);
        protected override IEnumerable<Property<int>> DefineProperties() => [Property<int>.Always("never 25", s => s != 25)];
    }

    public static NoStart Empty() => new();
    public static Drawing Random() => new();

    private ModelTestCase Case(string method, string property, CheckEngine engine) =>
        new(new ModelMethod(typeof(MisbehavingModelTests).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!, Path.Combine(_directory, "Tests.cs"), 1),
            new ModelTestOptions { Engine = engine, Seed = 2800 + (int)engine, TargetStateCount = engine == CheckEngine.Simulation ? 1_000 : 0 }, property, null, null);

    [Theory]
    [InlineData(CheckEngine.Bfs)]
    [InlineData(CheckEngine.Dfs)]
    [InlineData(CheckEngine.Simulation)]
    public async Task A_model_with_no_initial_state_fails_every_property_naming_the_model(CheckEngine engine)
    {
        foreach (var property in new[] { "safe", "done" })
        {
            var outcome = await ModelTestRunner.RunAsync(Case(nameof(Empty), property, engine), Local);
            Assert.Equal(ModelTestOutcomeKind.Error, outcome.Kind);
            Assert.Contains("The model MisbehavingModelTests.NoStart has no initial state", outcome.Message);
        }
        Assert.Empty(Directory.GetFiles(_directory, "*.received.txt"));
    }

    [Theory]
    [InlineData(CheckEngine.Bfs)]
    [InlineData(CheckEngine.Dfs)]
    [InlineData(CheckEngine.Simulation)]
    public async Task A_model_that_is_not_deterministic_fails_with_no_counterexample_and_no_snapshot(CheckEngine engine)
    {
        var outcome = await ModelTestRunner.RunAsync(Case(nameof(Random), "never 25", engine), Local);
        Assert.Equal(ModelTestOutcomeKind.Error, outcome.Kind);
        Assert.Contains("The model is not deterministic", outcome.Message);
        Assert.DoesNotContain("counterexample in", outcome.Message);
        Assert.Empty(Directory.GetFiles(_directory, "*.received.txt"));
    }
}
