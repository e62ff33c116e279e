using Stateright.Testing;
using Stateright.Testing.Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Stateright.Testing.Xunit.Tests;

public class DiscovererTests
{
    public sealed class Counter(params Property<int>[] properties) : Model<int, int>
    {
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) { if (state < 2) actions.Add(1); }
        public override bool TryNextState(int state, int action, out int next) { next = state + action; return true; }
        public override int NextState(int state, int action) => throw new NotSupportedException();
        protected override IEnumerable<Property<int>> DefineProperties() => properties;
    }

    // Not public, so that xUnit itself does not run these samples (two of them fail on purpose).
#pragma warning disable xUnit1000
    internal static class Samples
    {
        [ModelTheory(Threads = 1)]
        public static Counter ThreeProperties() => new(Property<int>.Always("a", _ => true), Property<int>.Always("b", _ => true), Property<int>.Sometimes("c", s => s == 2));

        [ModelTheory]
        public static Counter Broken() => throw new InvalidOperationException("cannot build");

        [ModelTheory(Threads = -1)]
        public static Counter BadThreads() => new(Property<int>.Always("a", _ => true));

        [ModelTheory(Engine = CheckEngine.Dfs)]
        [ExpectDiscovery("a")]
        public static Counter Expecting() => new(Property<int>.Always("a", s => s < 1));
    }
#pragma warning restore xUnit1000

    private sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        private readonly Dictionary<string, object?> _values = [];
        public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out var value) ? (TValue)value! : default!;
        public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
    }

    private static IReadOnlyList<IXunitTestCase> Discover(string method)
    {
        var type = typeof(Samples);
        var assembly = new TestAssembly(Reflector.Wrap(type.Assembly));
        var collection = new TestCollection(assembly, null, "collection");
        var testClass = new TestClass(collection, Reflector.Wrap(type));
        var testMethod = new TestMethod(testClass, Reflector.Wrap(type.GetMethod(method)!));
        var attribute = testMethod.Method.GetCustomAttributes(typeof(ModelTheoryAttribute)).Single();
        return new ModelTheoryDiscoverer(new NullMessageSink()).Discover(new DiscoveryOptions(), testMethod, attribute).ToArray();
    }

    [Fact]
    public void Discovers_one_case_per_property_with_unique_ids_names_traits_and_sources()
    {
        var cases = Discover(nameof(Samples.ThreeProperties)).Cast<ModelPropertyTestCase>().ToArray();
        Assert.Equal(["a", "b", "c"], cases.Select(c => c.PropertyName));
        Assert.Equal(3, cases.Select(c => c.UniqueID).Distinct().Count());
        Assert.Equal("Stateright.Testing.Xunit.Tests.DiscovererTests+Samples.ThreeProperties(c)", cases[2].DisplayName);
        Assert.Equal(["c"], cases[2].Traits["ModelProperty"]);
        Assert.EndsWith("DiscovererTests.cs", cases[2].SourceInformation!.FileName);
        Assert.True(cases[2].SourceInformation!.LineNumber > 0);
    }

    [Fact]
    public void Cases_survive_serialization_as_run_selected_in_visual_studio_needs()
    {
        foreach (var original in Discover(nameof(Samples.ThreeProperties)))
        {
            var copy = (ModelPropertyTestCase)SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(original))!;
            Assert.Equal(((ModelPropertyTestCase)original).PropertyName, copy.PropertyName);
            Assert.Equal(original.UniqueID, copy.UniqueID);
            Assert.Equal(original.DisplayName, copy.DisplayName);
        }
    }

    [Theory]
    [InlineData(nameof(Samples.Broken))]
    [InlineData(nameof(Samples.BadThreads))]
    public void A_model_that_cannot_be_listed_becomes_one_method_level_case(string method)
    {
        var only = Assert.IsType<ModelPropertyTestCase>(Assert.Single(Discover(method)));
        Assert.Null(only.PropertyName);
        Assert.Equal($"Stateright.Testing.Xunit.Tests.DiscovererTests+Samples.{method}", only.DisplayName);
        var copy = (ModelPropertyTestCase)SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(only))!;
        Assert.Null(copy.PropertyName);
        Assert.Equal(only.UniqueID, copy.UniqueID);
    }

    [Fact]
    public void The_core_and_the_front_end_namespaces_can_be_imported_together()
    {
        // This file imports Stateright.Testing (ExpectDiscovery, CheckEngine) and Stateright.Testing.Xunit
        // (ModelTheory): it compiles only if no attribute name is ambiguous.
        var method = typeof(Samples).GetMethod(nameof(Samples.Expecting))!;
        Assert.NotNull(method.GetCustomAttributes(typeof(ExpectDiscoveryAttribute), false).SingleOrDefault());
        Assert.Equal(CheckEngine.Dfs, ((ModelTheoryAttribute)method.GetCustomAttributes(typeof(ModelTheoryAttribute), false).Single()).Engine);
    }
}
