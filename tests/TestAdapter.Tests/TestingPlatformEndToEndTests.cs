namespace Stateright.Testing.TestAdapter.Tests;

/// <summary>
/// The same fixture as a Microsoft.Testing.Platform application (the adapter through the VSTest bridge):
/// <c>dotnet run -- --report-trx</c>, <c>--list-tests</c>, <c>--filter</c>, and <c>dotnet test</c> with the
/// MTP runner selected in global.json. Names, outcomes, messages and attachments are VSTest's.
/// </summary>
[Trait("Category", "EndToEnd")] // runs dotnet on a fixture project: `dotnet test Stateright.Testing.sln -p:TestSuite=endtoend`
[Collection(FixtureCollection.Name)]
public sealed class TestingPlatformEndToEndTests(FixtureBuild fixture)
{
    [Fact]
    public void Reports_one_result_per_property_with_the_expected_outcomes_and_names() =>
        ReportAssertions.OneResultPerPropertyWithTheExpectedOutcomes(fixture.TestingPlatformRun);

    [Fact]
    public void Failure_messages_explain_each_outcome() => ReportAssertions.MessagesExplainEachOutcome(fixture.TestingPlatformRun);

    [Fact]
    public void Results_attach_the_trace_the_sequence_diagram_and_the_snapshots() =>
        ReportAssertions.AttachmentsAreTheTraceTheDiagramAndTheSnapshots(fixture.TestingPlatformRun);

    [Fact]
    public void The_checker_runs_once_per_method() => ReportAssertions.TheCheckerRunsOncePerMethod(fixture.TestingPlatformRun);

    [Fact]
    public void The_output_lists_no_artifact_of_a_passed_test_and_no_console_line_of_a_short_check()
    {
        var output = fixture.TestingPlatformRun.Result.Output;
        foreach (var passed in new[] { "Mixed(reachable)", "KnownBug(known bug)", "SingleServer(linearizable)" })
            Assert.DoesNotContain($"For test '{passed}'", output);
        Assert.Contains("For test 'Mixed(violated)'", output); // a failure's files are listed
        // Every check of the fixture is shorter than the console interval: nothing of it is printed live.
        Assert.DoesNotContain("Mixed(holds): Checker run #", output);
        Assert.DoesNotContain("): Done. states=", output);
    }

    [Fact]
    public void Messages_are_the_same_as_under_VSTest()
    {
        var vstest = fixture.VSTestRun.Results.ToDictionary(r => r.Name, r => r.Result.Message.ReplaceLineEndings("\n").Trim());
        foreach (var result in fixture.TestingPlatformRun.Results)
        {
            // Run-dependent parts (timings, state counts of a timed-out run) aside, the messages are identical.
            if (result.Name == "Endless(finite)") continue;
            Assert.Equal(vstest[result.Name], result.Result.Message.ReplaceLineEndings("\n").Trim());
        }
    }

    [Fact]
    public void List_tests_shows_every_property()
    {
        var list = fixture.TestingPlatform("--list-tests");
        Assert.Equal(0, list.ExitCode);
        var listed = list.Output.Split('\n').Select(l => l.Trim()).Where(Expected.Outcomes.ContainsKey).ToArray();
        Assert.Equal(Expected.Outcomes.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_filter_on_one_property_runs_only_that_one()
    {
        var results = Path.Combine(fixture.ResultsDirectory, "mtp-filtered");
        var filtered = fixture.TestingPlatform("--filter", "ModelProperty=reachable", "--report-trx", "--report-trx-filename", "one.trx", "--results-directory", results);
        Assert.Equal(0, filtered.ExitCode);
        var result = Assert.Single(TrxReport.Read(Path.Combine(results, "one.trx")));
        Assert.Equal("Mixed(reachable)", result.Name);
        Assert.Equal(Expected.Class, result.ClassName);
        Assert.Equal("Passed", result.Outcome);
    }

    [Fact]
    public void Dotnet_test_with_the_MTP_runner_selected_in_global_json_runs_the_fixture()
    {
        // The repository's global.json keeps VSTest; a directory of its own selects MTP for this run only.
        var directory = Path.Combine(fixture.ResultsDirectory, "global-json-mtp");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        var results = Path.Combine(directory, "results");
        var run = Stateright.Testing.EndToEnd.DotnetCli.Run(
            ["test", "--project", fixture.Project, "-c", fixture.Configuration, "--no-build", "--report-trx", "--report-trx-filename", "gj.trx", "--results-directory", results],
            workingDirectory: directory);
        Assert.NotEqual(0, run.ExitCode); // the fixture fails on purpose
        Assert.Contains($"total: {Expected.Outcomes.Count}", run.Output);
        var report = TrxReport.Read(Path.Combine(results, "gj.trx"));
        Assert.Equal(Expected.Outcomes, report.ToDictionary(r => r.Name, r => r.Outcome));
    }

    [Fact]
    public void Dotnet_test_with_the_MTP_runner_leaves_no_empty_TestResults_folder_where_it_ran()
    {
        // The platform creates <working directory>/TestResults when it starts; the adapter's extension removes
        // it when the run wrote nothing there (src/Shared/TestingPlatform/EmptyResultsDirectory.cs).
        var directory = Path.Combine(fixture.ResultsDirectory, "no-empty-results");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        var run = Stateright.Testing.EndToEnd.DotnetCli.Run(
            ["test", "--project", fixture.Project, "-c", fixture.Configuration, "--no-build", "--filter", "ModelProperty=reachable"],
            workingDirectory: directory);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("AdapterFixture.dll", run.Output, StringComparison.Ordinal); // it ran, in the platform's mode
        Assert.False(Directory.Exists(Path.Combine(directory, "TestResults")), "an empty TestResults folder was left:\n" + run.Output);
    }

    [Fact]
    public void A_long_check_prints_progress_on_the_console_while_it_runs()
    {
        // The adapter's informational messages reach the platform's console through the VSTest bridge.
        var streamed = fixture.TestingPlatformStreamed(Stateright.Testing.EndToEnd.LiveProgress.SlowFixture, "--filter", "FullyQualifiedName~AdapterFixture.FixtureModels.Slow");
        Assert.Null(Stateright.Testing.EndToEnd.LiveProgress.Failure(streamed, "Slow(finite)"));
        Assert.NotEqual(0, streamed.ExitCode); // it stops at its timeout: incomplete, so failed
    }
}
