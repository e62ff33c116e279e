using Stateright.Testing.EndToEnd;

namespace Stateright.Testing.TestAdapter.Tests;

/// <summary>
/// The fixture (a plain class library: the adapter and Microsoft.NET.Test.Sdk, no xUnit, no NUnit) under
/// VSTest: <c>dotnet test --logger trx</c>, <c>--list-tests</c> and <c>--filter</c>.
/// </summary>
[Trait("Category", "EndToEnd")] // runs dotnet on a fixture project: `dotnet test Stateright.Testing.sln -p:TestSuite=endtoend`
[Collection(FixtureCollection.Name)]
public sealed class VSTestEndToEndTests(FixtureBuild fixture)
{
    [Fact]
    public void Reports_one_result_per_property_with_the_expected_outcomes_and_names() =>
        ReportAssertions.OneResultPerPropertyWithTheExpectedOutcomes(fixture.VSTestRun);

    [Fact]
    public void Failure_messages_explain_each_outcome() => ReportAssertions.MessagesExplainEachOutcome(fixture.VSTestRun);

    [Fact]
    public void Results_attach_the_trace_the_sequence_diagram_and_the_snapshots() =>
        ReportAssertions.AttachmentsAreTheTraceTheDiagramAndTheSnapshots(fixture.VSTestRun);

    [Fact]
    public void The_checker_runs_once_per_method() => ReportAssertions.TheCheckerRunsOncePerMethod(fixture.VSTestRun);

    [Fact]
    public void A_failure_points_at_the_model_method()
    {
        var output = fixture.VSTestRun.Result.Output;
        Assert.Contains("at AdapterFixture.FixtureModels.Mixed() in " + Path.Combine(fixture.Directory, "Models.cs") + ":line ", output);
    }

    [Fact]
    public void A_long_check_prints_progress_on_the_console_while_it_runs()
    {
        var streamed = fixture.VSTestStreamed(LiveProgress.SlowFixture, "--filter", "FullyQualifiedName~AdapterFixture.FixtureModels.Slow");
        Assert.Null(LiveProgress.Failure(streamed, "Slow(finite)"));
        Assert.NotEqual(0, streamed.ExitCode); // it stops at its timeout: incomplete, so failed
    }

    [Fact]
    public void List_tests_shows_every_property()
    {
        var list = fixture.VSTest("--list-tests");
        Assert.Equal(0, list.ExitCode);
        var listed = list.Output.Split('\n').Select(l => l.Trim()).Where(Expected.Outcomes.ContainsKey).ToArray();
        Assert.Equal(Expected.Outcomes.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_filter_on_one_property_runs_only_that_one()
    {
        var results = Path.Combine(fixture.ResultsDirectory, "vstest-filtered");
        var filtered = fixture.VSTest("--filter", "ModelProperty=reachable", "--logger", "trx;LogFileName=one.trx", "--results-directory", results);
        Assert.Equal(0, filtered.ExitCode);
        var result = Assert.Single(TrxReport.Read(Path.Combine(results, "one.trx")));
        Assert.Equal("Mixed(reachable)", result.Name);
        Assert.Equal(Expected.Class, result.ClassName);
        Assert.Equal("Passed", result.Outcome);
    }

    [Fact]
    public void The_fixture_snapshots_are_the_xunit_fixture_snapshots_and_pass()
    {
        var xunit = Path.Combine(fixture.Directory, "..", "XunitFixture");
        foreach (var file in new[] { "FixtureModels.KnownBug.known bug.verified.txt", "FixtureModels.Mixed.reachable.verified.txt" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(xunit, file)), File.ReadAllBytes(Path.Combine(fixture.Directory, file)));
        var samples = Path.Combine(Stateright.Testing.EndToEnd.DotnetCli.RepositoryRoot(), "samples", "GettingStarted.Tests");
        foreach (var property in new[] { "linearizable", "get succeeds", "put succeeds" })
        {
            var file = $"RegisterModelTests.SingleServer.{property}.verified.txt";
            Assert.Equal(File.ReadAllBytes(Path.Combine(samples, file)), File.ReadAllBytes(Path.Combine(fixture.Directory, file)));
        }
        // The cases compared with those snapshots passed: the adapter produced the same text as xUnit.
        foreach (var name in new[] { "KnownBug(known bug)", "Mixed(reachable)", "SingleServer(linearizable)" })
            Assert.Equal("Passed", fixture.VSTestRun.Results.Single(r => r.Name == name).Outcome);
    }
}
