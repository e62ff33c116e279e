using System.Reflection;
using Stateright.Testing;
using Stateright.Tests.TestModels;

namespace Stateright.Tests.Testing;

// Counts ModelRunCache.RunsStarted, a process-wide counter: never in parallel with the runner tests.
[Collection(nameof(ModelRunCache))]
public class ModelTestDiscoveryTests
{
    public static class Samples
    {
        [ModelTest(Threads = 1)]
        public static CountUpTo ThreeProperties() => new(2, Property<int>.Always("a", _ => true), Property<int>.Always("b", _ => true), Property<int>.Sometimes("c", s => s == 2));

        [ModelTest]
        public static CountUpTo Broken() => throw new InvalidOperationException("cannot build");

        [ModelTest(Threads = -1)]
        public static CountUpTo BadThreads() => new(2, Property<int>.Always("a", _ => true));

        [ModelTest(TimeoutSeconds = double.PositiveInfinity)]
        public static CountUpTo BadTimeout() => new(2, Property<int>.Always("a", _ => true));

        [ModelTest]
        public static CountUpTo NoProperties() => new(2);

        [ModelTest]
        [ExpectDiscovery("A")]
        public static CountUpTo UnknownExpectation() => new(2, Property<int>.Always("a", _ => true));

        [ModelTest]
        public static void ReturnsVoid() { }

        [ModelTest]
        public static string NotAModel() => "nope";

        [ModelTest]
        public static CountUpTo TakesArgument(int x) => new(2, Property<int>.Always("a", _ => x > 0));

        [ModelTest(Skip = "not today")]
        public static CountUpTo Skipped() => new(2, Property<int>.Always("a", _ => true));

        [ModelTest(Threads = 0)]
        public static CountUpTo AllCores() => new(2, Property<int>.Always("a", _ => true));
    }

    public class OpenGeneric<T>
    {
        [ModelTest]
        public static CountUpTo M() => new(2, Property<int>.Always("a", _ => true));
    }

    private static IReadOnlyList<ModelTestCase> Discover(string name)
    {
        var method = typeof(Samples).GetMethod(name)!;
        return ModelTestDiscovery.Discover(method, method.GetCustomAttribute<ModelTestAttribute>()!);
    }

    [Fact]
    public void One_case_per_property_with_unique_ids_names_traits_and_sources()
    {
        var cases = Discover(nameof(Samples.ThreeProperties));
        Assert.Equal(["a", "b", "c"], cases.Select(c => c.Property));
        Assert.Equal(3, cases.Select(c => c.Id).Distinct().Count());
        Assert.Equal("ThreeProperties(c)", cases[2].DisplayName);
        Assert.Equal("Stateright.Tests.Testing.ModelTestDiscoveryTests+Samples.ThreeProperties(c)", cases[2].FullyQualifiedName);
        Assert.Equal("Stateright.Testing.ModelTests.Tests:Stateright.Tests.Testing.ModelTestDiscoveryTests+Samples.ThreeProperties:c", cases[2].Id);
        Assert.Equal([new KeyValuePair<string, string>("ModelProperty", "c")], cases[2].Traits);
        Assert.EndsWith("ModelTestDiscoveryTests.cs", cases[2].SourceFilePath);
        var attributeLine = Array.FindIndex(File.ReadAllLines(cases[2].SourceFilePath), l => l.Contains("[ModelTest(Threads = 1)]")) + 1;
        Assert.Equal(attributeLine, cases[2].SourceLine);
        Assert.Contains($"ModelTestDiscoveryTests.cs:line {attributeLine}", cases[2].StackTrace);
        Assert.Equal(1, cases[2].Options.Threads);
    }

    [Theory]
    [InlineData(nameof(Samples.Broken), "threw System.InvalidOperationException: cannot build")]
    [InlineData(nameof(Samples.BadThreads), "has bad arguments: Threads must be 0 (all cores) or at least 1, not -1.")]
    [InlineData(nameof(Samples.BadTimeout), "TimeoutSeconds must be 0 (no timeout) or between 0.001 and 4294967 (about 49 days), not Infinity.")]
    [InlineData(nameof(Samples.NoProperties), "has no properties to check")]
    [InlineData(nameof(Samples.UnknownExpectation), "[ExpectDiscovery(\"A\")] on Stateright.Tests.Testing.ModelTestDiscoveryTests+Samples.UnknownExpectation: The model has no property named \"A\". Available properties: \"a\".")]
    [InlineData(nameof(Samples.ReturnsVoid), "returns void; a model test method returns the model to check")]
    [InlineData(nameof(Samples.NotAModel), "returned a String, which is not a Stateright.Model<TState, TAction>")]
    [InlineData(nameof(Samples.TakesArgument), "must take no parameters")]
    public async Task A_method_that_cannot_be_listed_becomes_one_failing_case_with_the_reason(string name, string message)
    {
        var only = Assert.Single(Discover(name));
        Assert.Null(only.Property);
        Assert.Equal(name, only.DisplayName);
        Assert.Contains(message, only.DiscoveryError);
        var outcome = await ModelTestRunner.RunAsync(only);
        Assert.Equal(ModelTestOutcomeKind.Error, outcome.Kind);
        Assert.Contains(message, outcome.Message);
    }

    [Fact]
    public async Task A_method_of_an_open_generic_class_names_the_class_and_asks_for_a_closed_derived_one()
    {
        var method = typeof(OpenGeneric<>).GetMethod(nameof(OpenGeneric<int>.M))!;
        var only = Assert.Single(ModelTestDiscovery.Discover(method, method.GetCustomAttribute<ModelTestAttribute>()!));
        Assert.Contains("M: the class ModelTestDiscoveryTests.OpenGeneric<T> is an open generic type", only.DiscoveryError);
        Assert.Contains("Derive a closed class from it, e.g. `public sealed class OpenGenericOfInt : ModelTestDiscoveryTests.OpenGeneric<int> { }`", only.DiscoveryError);
        Assert.DoesNotContain("must not be generic", only.DiscoveryError);
        var outcome = await ModelTestRunner.RunAsync(only);
        Assert.Equal(ModelTestOutcomeKind.Error, outcome.Kind);
        Assert.Contains("OpenGeneric<T> is an open generic type", outcome.Message);
    }

    [Fact]
    public async Task A_skipped_method_lists_its_properties_and_skips_without_checking()
    {
        var runs = ModelRunCache.RunsStarted;
        var only = Assert.Single(Discover(nameof(Samples.Skipped)));
        var outcome = await ModelTestRunner.RunAsync(only);
        Assert.Equal(ModelTestOutcomeKind.Skipped, outcome.Kind);
        Assert.Equal("not today", outcome.Message);
        Assert.Equal(runs, ModelRunCache.RunsStarted);
    }

    [Fact]
    public void Zero_threads_means_all_cores_and_a_rebuilt_case_equals_the_discovered_one()
    {
        var discovered = Assert.Single(Discover(nameof(Samples.AllCores)));
        Assert.Equal(Environment.ProcessorCount, discovered.Options.Threads);
        var method = typeof(Samples).GetMethod(nameof(Samples.AllCores))!;
        var rebuilt = ModelTestDiscovery.ForProperty(method, method.GetCustomAttribute<ModelTestAttribute>()!, "a");
        Assert.Equal((discovered.Id, discovered.FullyQualifiedName, discovered.Options.CacheKey()), (rebuilt.Id, rebuilt.FullyQualifiedName, rebuilt.Options.CacheKey()));
    }

    [Fact]
    public void Finds_the_marked_methods_of_a_class()
    {
        var names = ModelTestDiscovery.FindMethods<ModelTestAttribute>(typeof(Samples)).Select(m => m.Method.Name).ToArray();
        Assert.Contains(nameof(Samples.ThreeProperties), names);
        Assert.Equal(11, names.Length);
    }
}
