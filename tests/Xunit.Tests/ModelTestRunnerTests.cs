using System.Reflection;
using Stateright.Snapshots;

namespace Stateright.Testing.Xunit.Tests;

public sealed class ModelTestRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("stateright-runner-").FullName;
    private static readonly SnapshotEnvironment Local = new(false, false, false);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public sealed class Counter(params Property<int>[] properties) : Model<int, int>
    {
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) { if (state < 3) actions.Add(1); }
        public override bool TryNextState(int state, int action, out int next) { next = state + action; return true; }
        public override int NextState(int state, int action) => throw new NotSupportedException();
        protected override IEnumerable<Property<int>> DefineProperties() => properties;
    }

    public static Counter Holding() => new(Property<int>.Always("small", s => s < 10));
    public static Counter Violated() => new(Property<int>.Always("small", s => s < 2), Property<int>.Sometimes("two", s => s == 2));
    public static string NotAModel() => "nope";
    public static Counter Throws() => throw new InvalidOperationException("factory failure");
    public static Counter TakesArgument(int x) => new();

    private ModelMethod Method(string name) =>
        new(typeof(ModelTestRunnerTests).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!, Path.Combine(_directory, "Tests.cs"), 1);

    [Fact]
    public void Lists_properties_without_running_the_checker()
    {
        var runs = ModelRunCache.RunsStarted;
        Assert.Equal(["small", "two"], ModelTestRunner.DiscoverProperties(Method(nameof(Violated)), new ModelTestOptions()));
        Assert.Equal(runs, ModelRunCache.RunsStarted);
    }

    [Fact]
    public async Task Runs_the_checker_once_for_all_properties_of_a_method()
    {
        var method = Method(nameof(Violated));
        var options = new ModelTestOptions { Seed = 123 }; // a cache key of its own
        var runs = ModelRunCache.RunsStarted;
        var results = await Task.WhenAll(
            ModelTestRunner.RunPropertyAsync(method, options, "small", Local),
            ModelTestRunner.RunPropertyAsync(method, options, "two", Local));
        Assert.Equal(runs + 1, ModelRunCache.RunsStarted);
        Assert.False(results[0].Passed);
        Assert.StartsWith("Unexpected Property \"small\" (Always): counterexample in 2 steps:", results[0].Message);
        Assert.Contains("If this counterexample is a known bug, add [ExpectDiscovery(\"small\")]", results[0].Message);
        Assert.False(results[1].Passed); // a new example has no verified snapshot yet
        Assert.Contains("has no verified snapshot yet", results[1].Message);
        Assert.Contains("Checker run #", results[0].Output);
        Assert.Equal(results[0].Output, results[1].Output);
    }

    [Fact]
    public async Task An_expected_discovery_passes_once_its_snapshot_is_accepted()
    {
        var method = Method(nameof(Violated));
        var options = new ModelTestOptions { ExpectedDiscoveries = ["small"], Seed = 456 };
        Assert.False((await ModelTestRunner.RunPropertyAsync(method, options, "small", Local)).Passed);
        SnapshotFiles.Accept(_directory);
        var accepted = await ModelTestRunner.RunPropertyAsync(method, options, "small", Local);
        Assert.True(accepted.Passed, accepted.Message);
        Assert.Contains("the expected counterexample was found and matches ModelTestRunnerTests.Violated.small.verified.txt", accepted.Message);
    }

    [Fact]
    public async Task A_holding_property_passes_and_an_expected_discovery_that_never_comes_fails()
    {
        var holds = await ModelTestRunner.RunPropertyAsync(Method(nameof(Holding)), new ModelTestOptions(), "small", Local);
        Assert.True(holds.Passed, holds.Message);
        var expected = await ModelTestRunner.RunPropertyAsync(Method(nameof(Holding)), new ModelTestOptions { ExpectedDiscoveries = ["small"] }, "small", Local);
        Assert.False(expected.Passed);
        Assert.Contains("expected a counterexample ([ExpectDiscovery]) but the property holds", expected.Message);
    }

    [Fact]
    public async Task An_incomplete_run_is_never_a_pass()
    {
        var result = await ModelTestRunner.RunPropertyAsync(Method(nameof(Holding)), new ModelTestOptions { TargetMaxDepth = 2 }, "small", Local);
        Assert.False(result.Passed);
        Assert.Contains("model checking is incomplete (states at the target depth were left unchecked", result.Message);
    }

    [Fact]
    public void Bad_methods_and_options_get_clear_messages()
    {
        Assert.Contains("returned a String, which is not a Stateright.Model<TState, TAction>",
            Assert.Throws<ModelTestConfigurationException>(() => ModelTestRunner.DiscoverProperties(Method(nameof(NotAModel)), new ModelTestOptions())).Message);
        Assert.Equal("factory failure",
            Assert.Throws<InvalidOperationException>(() => ModelTestRunner.DiscoverProperties(Method(nameof(Throws)), new ModelTestOptions())).Message);
        Assert.Contains("must take no parameters",
            Assert.Throws<ModelTestConfigurationException>(() => ModelTestRunner.DiscoverProperties(Method(nameof(TakesArgument)), new ModelTestOptions())).Message);
        Assert.Contains("Threads must be at least 1, not 0",
            Assert.Throws<ModelTestConfigurationException>(() => ModelTestRunner.DiscoverProperties(Method(nameof(Holding)), new ModelTestOptions { Threads = 0 })).Message);
        Assert.Contains("[ExpectDiscovery(\"smal\")] on ModelTestRunnerTests.Holding: The model has no property named \"smal\". Available properties: \"small\".",
            Assert.Throws<ModelTestConfigurationException>(() => ModelTestRunner.DiscoverProperties(Method(nameof(Holding)), new ModelTestOptions { ExpectedDiscoveries = ["smal"] })).Message);
        Assert.Contains("set TimeoutSeconds or TargetStateCount",
            Assert.Throws<ModelTestConfigurationException>(() => ModelTestRunner.DiscoverProperties(Method(nameof(Holding)), new ModelTestOptions { Engine = CheckEngine.Simulation })).Message);
    }

    [Fact]
    public async Task A_throwing_factory_fails_its_cases_at_run_time_too()
    {
        var result = await ModelTestRunner.RunPropertyAsync(Method(nameof(Throws)), new ModelTestOptions(), "anything", Local);
        Assert.False(result.Passed);
        Assert.Contains("threw System.InvalidOperationException: factory failure", result.Message);
    }
}
