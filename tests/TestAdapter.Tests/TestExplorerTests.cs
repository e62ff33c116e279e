using Microsoft.VisualStudio.TestPlatform.CommunicationUtilities;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Stateright.Testing.TestAdapter.Tests;

/// <summary>
/// Plays Test Explorer: runs the adapter's discovery on the built fixture with a recording sink and
/// checks what the IDE reads (distinct ids, the namespace / class / method / property hierarchy, source
/// file and line, traits), then runs discovered cases by their ids, after the serialization round trip
/// the IDE's "Run selected" goes through.
/// </summary>
[Collection(FixtureCollection.Name)]
public sealed class TestExplorerTests
{
    private readonly FixtureBuild _fixture;

    public TestExplorerTests(FixtureBuild fixture)
    {
        _fixture = fixture;
        // As in the fixture runs (DotnetCli sets it): compare snapshots only, never open a diff tool.
        Environment.SetEnvironmentVariable("CI", "true");
    }

    private List<TestCase> Discover()
    {
        var sink = new RecordingHandle();
        new ModelTestAdapter().DiscoverTests([_fixture.Assembly], sink, sink, sink);
        Assert.DoesNotContain(sink.Messages, m => m.Level != Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging.TestMessageLevel.Informational);
        return sink.Cases;
    }

    [Fact]
    public void Every_property_is_a_case_with_a_distinct_stable_id()
    {
        var cases = Discover();
        Assert.Equal(Expected.Outcomes.Keys.Order(StringComparer.Ordinal), cases.Select(c => c.DisplayName).Order(StringComparer.Ordinal));
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        Assert.Equal(cases.Count, cases.Select(c => c.FullyQualifiedName).Distinct().Count());
        // The same ids on every discovery (the IDE keeps its tree and its run history by id).
        Assert.Equal(cases.Select(c => c.Id), Discover().Select(c => c.Id));
        Assert.All(cases, c => Assert.Equal(new Uri(AdapterConstants.ExecutorUri), c.ExecutorUri));
        Assert.All(cases, c => Assert.Equal(_fixture.Assembly, c.Source));
    }

    [Fact]
    public void Cases_nest_under_namespace_class_and_method()
    {
        foreach (var testCase in Discover())
        {
            var fullName = Expected.FullyQualifiedName(testCase.DisplayName);
            Assert.Equal(fullName, testCase.FullyQualifiedName);
            var method = testCase.DisplayName.Split('(')[0];
            var type = fullName[..fullName.LastIndexOf('.', fullName.IndexOf('(') is > 0 and var p ? p : fullName.Length - 1)];
            Assert.Equal(type, testCase.GetPropertyValue(AdapterProperties.ManagedType));
            Assert.Equal(method, testCase.GetPropertyValue(AdapterProperties.ManagedMethod));
            var hierarchy = Assert.IsType<string[]>(testCase.GetPropertyValue(AdapterProperties.Hierarchy));
            Assert.Equal([null!, "AdapterFixture", type["AdapterFixture.".Length..], method], hierarchy);
        }
    }

    [Fact]
    public void Cases_navigate_to_the_model_method_and_carry_the_property_trait()
    {
        foreach (var testCase in Discover())
        {
            var method = testCase.DisplayName.Split('(')[0];
            var file = Path.Combine(_fixture.Directory, method == "SingleServer" ? "RegisterModelTests.cs" : "Models.cs");
            Assert.Equal(file, testCase.CodeFilePath);
            Assert.Equal(AttributeLine(file, method), testCase.LineNumber);
            var property = testCase.DisplayName.Contains('(') ? testCase.DisplayName[(method.Length + 1)..^1] : null;
            Assert.Equal(property, testCase.GetPropertyValue(AdapterProperties.ModelProperty));
            var traits = testCase.Traits.Select(t => (t.Name, t.Value)).ToArray();
            Assert.Equal(property is null ? [] : [(ModelTestCase.PropertyTrait, property)], traits);
        }
    }

    [Fact]
    public void Running_the_discovered_cases_by_id_returns_each_property_outcome()
    {
        // What Test Explorer sends back to the test host: the cases, serialized and deserialized.
        var json = JsonDataSerializer.Instance.Serialize(Discover(), version: 7);
        var selected = JsonDataSerializer.Instance.Deserialize<List<TestCase>>(json, version: 7)!;
        var names = Discover().ToDictionary(c => c.Id, c => c.DisplayName);

        var handle = new RecordingHandle();
        new ModelTestAdapter().RunTests(selected, null, handle);

        Assert.Equal(Expected.Outcomes, handle.Results.ToDictionary(r => names[r.TestCase.Id], r => r.Outcome.ToString()));
        Assert.Equal(selected.Select(c => c.Id).Order(), handle.Started.Select(c => c.Id).Order());
        Assert.Equal(handle.Results.Select(r => (r.TestCase.Id, r.Outcome)).Order(), handle.Ended.Select(e => (e.Case.Id, e.Outcome)).Order());
        var violated = handle.Results.Single(r => names[r.TestCase.Id] == "Mixed(violated)");
        Assert.StartsWith("   at AdapterFixture.FixtureModels.Mixed() in ", violated.ErrorStackTrace);
        Assert.Contains(violated.Messages, m => m.Category == TestResultMessage.StandardOutCategory && m.Text!.Contains("Checker run #"));
    }

    [Fact]
    public void Running_one_selected_case_runs_only_it()
    {
        var one = Discover().Single(c => c.DisplayName == "Mixed(reachable)");
        var handle = new RecordingHandle();
        new ModelTestAdapter().RunTests([one], null, handle);
        var result = Assert.Single(handle.Results);
        Assert.Equal(one.Id, result.TestCase.Id);
        Assert.Equal(TestOutcome.Passed, result.Outcome);
    }

    [Fact]
    public void Assemblies_without_model_tests_give_nothing()
    {
        var notAssembly = Path.Combine(_fixture.ResultsDirectory, "not-an-assembly.dll");
        File.WriteAllText(notAssembly, "text");
        var sink = new RecordingHandle();
        new ModelTestAdapter().DiscoverTests([typeof(FactAttribute).Assembly.Location, notAssembly], sink, sink, sink);
        Assert.Empty(sink.Cases);
        Assert.Empty(sink.Messages);
        Assert.False(ModelTestSource.MayContainModelTests(typeof(FactAttribute).Assembly.Location));
        Assert.True(ModelTestSource.MayContainModelTests(_fixture.Assembly));
    }

    /// <summary>The line of the <c>[ModelTest</c> attribute above <paramref name="method"/>'s declaration.</summary>
    private static int AttributeLine(string file, string method)
    {
        var lines = File.ReadAllLines(file);
        var declaration = Array.FindIndex(lines, l => l.Contains($" {method}() =>", StringComparison.Ordinal));
        Assert.True(declaration > 0, $"{method} not found in {file}");
        var attribute = Array.FindLastIndex(lines, declaration, l => l.TrimStart().StartsWith("[ModelTest", StringComparison.Ordinal));
        return attribute + 1;
    }
}
