using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using Stateright.Testing.NUnit;

namespace Stateright.Testing.NUnit.Tests;

/// <summary>What NUnit sees of a <c>[ModelTheory]</c> method: the tests it builds, and how outcomes map to NUnit states.</summary>
public class BuilderTests
{
    public sealed class Counter(params Property<int>[] properties) : Model<int, int>
    {
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) { if (state < 2) actions.Add(1); }
        public override bool TryNextState(int state, int action, out int next) { next = state + action; return true; }
        public override int NextState(int state, int action) => throw new NotSupportedException();
        protected override IEnumerable<Property<int>> DefineProperties() => properties;
    }

    // Samples for the builder; NUnit never runs this assembly, so some of them are wrong on purpose.
    public static class Samples
    {
        [ModelTheory(Threads = 1)]
        public static Counter ThreeProperties() => new(Property<int>.Always("a", _ => true), Property<int>.Always("b", _ => true), Property<int>.Sometimes("c", s => s == 2));

        [ModelTheory]
        public static Counter WithParameter(int size) => new(Property<int>.Always("a", s => s < size));

        [ModelTheory]
        public static void ReturnsVoid() { }

        [ModelTheory(Skip = "later")]
        public static Counter Skipped() => new(Property<int>.Always("a", _ => true));
    }

    private static TestMethod[] Build(string name)
    {
        var type = typeof(Samples);
        var fixture = new TestFixture(new TypeWrapper(type));
        var method = new MethodWrapper(type, name);
        var attribute = method.GetCustomAttributes<ModelTheoryAttribute>(false).Single();
        return attribute.BuildFrom(method, fixture).ToArray();
    }

    [Fact]
    public void Builds_one_runnable_test_per_property_with_name_trait_and_source()
    {
        var tests = Build(nameof(Samples.ThreeProperties));
        Assert.Equal(["ThreeProperties(a)", "ThreeProperties(b)", "ThreeProperties(c)"], tests.Select(t => t.Name));
        Assert.Equal(typeof(Samples).FullName + ".ThreeProperties(a)", tests[0].FullName);
        Assert.Equal(["a", "b", "c"], tests.Select(t => t.Properties.Get(ModelTestCase.PropertyTrait)));
        Assert.All(tests, t => Assert.Equal(RunState.Runnable, t.RunState));
        Assert.All(tests, t => Assert.EndsWith("BuilderTests.cs", (string)t.Properties.Get(ModelTheoryAttribute.CodeFilePathProperty)!));
        Assert.All(tests, t => Assert.Equal(22, t.Properties.Get(ModelTheoryAttribute.LineNumberProperty)));
        Assert.Equal(3, tests.Select(t => t.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(nameof(Samples.WithParameter))]
    [InlineData(nameof(Samples.ReturnsVoid))]
    public void A_method_NUnit_would_reject_stays_runnable_so_it_fails_with_the_cores_reason(string name)
    {
        // NUnit marks these not runnable with its own reason; the test must run and report the core's.
        var test = Assert.Single(Build(name));
        Assert.Equal(name, test.Name);
        Assert.Equal(RunState.Runnable, test.RunState);
        Assert.False(test.Properties.ContainsKey(ModelTestCase.PropertyTrait));
        Assert.Empty(test.Properties[PropertyNames.SkipReason]);
    }

    [Fact]
    public void A_skipped_method_builds_ignored_tests_with_the_reason()
    {
        var test = Assert.Single(Build(nameof(Samples.Skipped)));
        Assert.Equal("Skipped(a)", test.Name);
        Assert.Equal(RunState.Ignored, test.RunState);
        Assert.Equal("later", test.Properties.Get(PropertyNames.SkipReason));
    }

    [Fact]
    public void Failures_map_to_NUnit_states()
    {
        Assert.Equal(ResultState.Failure, ModelPropertyCommand.FailureState(ModelTestOutcomeKind.Failed, cancelled: false));
        Assert.Equal(ResultState.Error, ModelPropertyCommand.FailureState(ModelTestOutcomeKind.Error, cancelled: false));
        Assert.Equal(ResultState.Failure, ModelPropertyCommand.FailureState(ModelTestOutcomeKind.Incomplete, cancelled: false));
        Assert.Equal(ResultState.Cancelled, ModelPropertyCommand.FailureState(ModelTestOutcomeKind.Incomplete, cancelled: true));
    }

    [Fact]
    public void A_forced_stop_of_the_run_cancels_the_running_case()
    {
        var context = new TestExecutionContext();
        using var stop = new StopSignal(context);
        Assert.False(stop.Token.IsCancellationRequested);
        context.ExecutionStatus = TestExecutionStatus.AbortRequested;
        Assert.True(stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)));
    }
}
