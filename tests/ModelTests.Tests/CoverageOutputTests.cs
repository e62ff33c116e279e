using System.Reflection;
using Stateright.Snapshots;
using Stateright.Testing;
using Stateright.Tests.TestModels;

namespace Stateright.Tests.Testing;

/// <summary>Issue 31: a model test's output ends with the run's coverage.</summary>
[Collection(nameof(ModelRunCache))]
public sealed class CoverageOutputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("stateright-coverage-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public enum Step { Up, Down }

    /// <summary>Counts up to 3; Down is never enabled.</summary>
    public sealed class UpOnly : Model<int, Step>
    {
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<Step> actions) { if (state < 3) actions.Add(Step.Up); }
        public override int NextState(int state, Step action) => state + 1;
        protected override IEnumerable<Property<int>> DefineProperties() => [Property<int>.Always("small", s => s < 10)];
    }

    public static UpOnly Counting() => new();

    [Fact]
    public async Task The_output_lists_the_action_kinds_never_enabled()
    {
        var testCase = new ModelTestCase(
            new ModelMethod(typeof(CoverageOutputTests).GetMethod(nameof(Counting), BindingFlags.Public | BindingFlags.Static)!, Path.Combine(_directory, "Tests.cs"), 1),
            new ModelTestOptions { Seed = 3100 }, "small", null, null);
        var outcome = await ModelTestRunner.RunAsync(testCase, new SnapshotEnvironment(false, false, false));
        Assert.Equal(ModelTestOutcomeKind.Passed, outcome.Kind);
        Assert.Contains("Coverage: 1 of 2 action kinds taken; never enabled: Down.", outcome.Output);
    }
}
