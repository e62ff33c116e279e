using System.Text.RegularExpressions;
using System.Xml.Linq;
using Stateright.Testing.EndToEnd;

namespace Stateright.Testing.XunitV3.Tests;

/// <summary>
/// The xUnit v3 fixture's results under both runners: one result per property, names, outcomes,
/// messages, source lines, attachments and one checker run per method; listing and filtering.
/// </summary>
[Trait("Category", "EndToEnd")] // runs dotnet on a fixture project: `dotnet test Stateright.Testing.sln -p:TestSuite=endtoend`
public sealed class EndToEndTests(FixtureRun run) : IClassFixture<FixtureRun>
{
    private const string Prefix = "XunitV3Fixture.FixtureModels.";

    public static TheoryData<string> Runners => ["VSTest", "MTP"];

    // The fixture's FixtureModels class: the shared scenarios (its explicit Cancellation class is not run here).
    private IReadOnlyList<Trx.Result> Results(string runner) =>
        (runner == "VSTest" ? run.VSTestResults : run.PlatformResults).Where(r => r.Name.StartsWith(Prefix, StringComparison.Ordinal)).ToArray();

    private Trx.Result Result(string runner, string name) => Results(runner).Single(r => r.Name == Prefix + name);

    [Theory]
    [MemberData(nameof(Runners))]
    public void Reports_one_result_per_property_with_the_expected_outcomes(string runner)
    {
        Assert.NotEqual(0, (runner == "VSTest" ? run.VSTestRun : run.PlatformRun).ExitCode); // the fixture fails on purpose
        Assert.Equal(new Dictionary<string, string>
        {
            [Prefix + "Mixed(holds)"] = "Passed",
            [Prefix + "Mixed(violated)"] = "Failed",
            [Prefix + "Mixed(reachable)"] = "Passed",
            [Prefix + "Mixed(unreachable)"] = "Failed",
            [Prefix + "KnownBug(known bug)"] = "Passed",
            [Prefix + "Broken"] = "Failed",
            [Prefix + "Endless(finite)"] = "Failed",
            [Prefix + "BadArguments"] = "Failed",
        }, Results(runner).ToDictionary(r => r.Name, r => r.Outcome));
    }

    [Theory]
    [MemberData(nameof(Runners))]
    public void Failure_messages_are_the_cores_and_name_the_failure_as_the_v2_front_end_does(string runner)
    {
        string Message(string name) => Result(runner, name).Message;
        Assert.StartsWith("Stateright.ModelPropertyFailure : Unexpected Property \"violated\" (Always): counterexample in 2 steps:", Message("Mixed(violated)"));
        Assert.Contains("Last state: 2", Message("Mixed(violated)"));
        Assert.Contains("every state was checked, so this outcome is unreachable", Message("Mixed(unreachable)"));
        Assert.Contains("the factory is broken", Message("Broken"));
        Assert.Contains("model checking is incomplete: it timed out", Message("Endless(finite)"));
        Assert.Contains("has bad arguments: Threads must be 0 (all cores) or at least 1, not -1.", Message("BadArguments"));
        Assert.Contains("Property \"known bug\" (Always): the expected counterexample was found and matches FixtureModels.KnownBug.known bug.verified.txt.", Result(runner, "KnownBug(known bug)").Output);
    }

    [Theory]
    [MemberData(nameof(Runners))]
    public void A_failure_points_at_the_model_method_from_the_attributes_caller_info(string runner)
    {
        var stack = StackTrace(runner, "Mixed(violated)");
        var models = Path.Combine(run.FixtureDirectory, "Models.cs");
        // Line 10 holds Mixed's [ModelTheory] in tests/Fixtures/XunitV3Fixture/Models.cs.
        Assert.Matches(@"^\s*at XunitV3Fixture\.FixtureModels\.Mixed\(\) in " + Regex.Escape(models) + @":(line )?10\s*$", stack);
    }

    [Theory]
    [MemberData(nameof(Runners))]
    public void The_checker_runs_once_per_method(string runner)
    {
        var runNumbers = Results(runner)
            .Where(r => r.Name.StartsWith(Prefix + "Mixed(", StringComparison.Ordinal))
            .Select(r => Regex.Match(r.Output, @"Checker run #(\d+) for FixtureModels\.Mixed").Groups[1].Value)
            .ToArray();
        Assert.Equal(4, runNumbers.Length);
        Assert.All(runNumbers, n => Assert.NotEqual("", n));
        Assert.Single(runNumbers.Distinct());
        Assert.All(Results(runner).Where(r => r.Name.StartsWith(Prefix + "Mixed(", StringComparison.Ordinal)),
            r => Assert.Single(Regex.Matches(r.Output, @"Checker run #"))); // the header once, though lines also arrive live
    }

    [Theory]
    [MemberData(nameof(Runners))]
    public void Traces_and_snapshots_are_attached_through_the_test_context(string runner)
    {
        Assert.Equal(["FixtureModels.Mixed.violated.received.txt", "FixtureModels.Mixed.violated.trace.txt"], Result(runner, "Mixed(violated)").Attachments.Order());
        Assert.Empty(Result(runner, "Mixed(reachable)").Attachments); // a passed case attaches nothing
        Assert.Empty(Result(runner, "Mixed(holds)").Attachments);
        var trace = Directory.EnumerateFiles(run.ResultsDirectory, "FixtureModels.Mixed.violated.trace.txt", SearchOption.AllDirectories).First();
        Assert.Contains("Last state: 2", File.ReadAllText(trace));
    }

    [Fact]
    public void Snapshots_are_byte_identical_to_the_xunit_v2_fixtures_and_the_run_matched_them()
    {
        var v2 = Path.Combine(DotnetCli.RepositoryRoot(), "tests", "Fixtures", "XunitFixture");
        foreach (var file in new[] { "FixtureModels.KnownBug.known bug.verified.txt", "FixtureModels.Mixed.reachable.verified.txt" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(v2, file)), File.ReadAllBytes(Path.Combine(run.FixtureDirectory, file)));
        // Both cases pass only when the trace this front end produced equals the verified file (CI=true: nothing is accepted).
        foreach (var runner in new[] { "VSTest", "MTP" })
        {
            Assert.Equal("Passed", Result(runner, "KnownBug(known bug)").Outcome);
            Assert.Contains("matches FixtureModels.Mixed.reachable.verified.txt", Result(runner, "Mixed(reachable)").Output);
        }
    }

    [Fact]
    public void The_executable_lists_every_property()
    {
        var list = run.Platform("--list-tests");
        Assert.Equal(0, list.ExitCode);
        foreach (var name in new[] { "Mixed(holds)", "Mixed(violated)", "Mixed(reachable)", "Mixed(unreachable)", "KnownBug(known bug)", "Broken", "Endless(finite)", "BadArguments" })
            Assert.Contains(Prefix + name + "\n", list.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_executable_runs_one_property_by_its_trait()
    {
        var directory = Path.Combine(run.ResultsDirectory, "mtp-filtered");
        var filtered = run.Platform("--filter", "ModelProperty=reachable", "--report-trx", "--report-trx-filename", "one.trx", "--results-directory", directory);
        Assert.Equal(0, filtered.ExitCode);
        var result = Assert.Single(Trx.Read(Path.Combine(directory, "one.trx")));
        Assert.Equal(Prefix + "Mixed(reachable)", result.Name);
        Assert.Equal("Passed", result.Outcome);
    }

    [Fact]
    public void VSTest_runs_one_property_by_its_trait()
    {
        var directory = Path.Combine(run.ResultsDirectory, "vstest-filtered");
        var filtered = run.VSTest("--filter", "ModelProperty=unreachable", "--logger", "trx;LogFileName=one.trx", "--results-directory", directory);
        Assert.NotEqual(0, filtered.ExitCode);
        var result = Assert.Single(Trx.Read(Path.Combine(directory, "one.trx")));
        Assert.Equal(Prefix + "Mixed(unreachable)", result.Name);
        Assert.Equal("Failed", result.Outcome);
    }

    [Fact]
    public void Cancelling_a_test_through_its_TestContext_stops_waiting_for_the_checker()
    {
        // Cancellation.Forever never ends by itself; its attribute calls TestContext.Current.CancelCurrentTest() after two seconds.
        var directory = Path.Combine(run.ResultsDirectory, "mtp-cancelled");
        var cancelled = DotnetCli.Run([run.Application, "--explicit", "only", "--filter-class", "XunitV3Fixture.Cancellation", "--report-trx", "--report-trx-filename", "c.trx", "--results-directory", directory],
            timeout: TimeSpan.FromMinutes(2));
        Assert.NotEqual(0, cancelled.ExitCode);
        var result = Assert.Single(Trx.Read(Path.Combine(directory, "c.trx")), r => r.Name == "XunitV3Fixture.Cancellation.Forever(finite)");
        Assert.Equal("Failed", result.Outcome);
        Assert.Contains("The test run was cancelled before XunitV3Fixture.Cancellation.Forever finished checking; property \"finite\" was not decided.", result.Message);
        // What the case saw while it waited, written live through the test output: the run's header and its progress.
        Assert.StartsWith("Checker run #", result.Output, StringComparison.Ordinal);
        Assert.Contains("\nChecking. states=", result.Output.ReplaceLineEndings("\n"));
    }

    private string StackTrace(string runner, string name)
    {
        var directory = Path.Combine(run.ResultsDirectory, runner == "VSTest" ? "vstest" : "mtp");
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        return XDocument.Load(Path.Combine(directory, "all.trx")).Descendants(ns + "UnitTestResult")
            .Single(r => (string?)r.Attribute("testName") == Prefix + name)
            .Descendants(ns + "StackTrace").Single().Value;
    }

    [Fact]
    public void A_long_check_prints_progress_on_the_console_of_dotnet_test_while_it_runs_without_extra_switches()
    {
        // The fixture imports the package's buildTransitive files, as a package user's project does.
        var streamed = run.VSTestStreamed(LiveProgress.SlowFixture, "--filter", "FullyQualifiedName~XunitV3Fixture.LiveProgress");
        Assert.Null(LiveProgress.Failure(streamed, "XunitV3Fixture.LiveProgress.Slow(finite)"));
        Assert.NotEqual(0, streamed.ExitCode); // it stops at its timeout: incomplete, so failed
    }

    [Fact]
    public void A_long_check_prints_progress_on_the_console_of_the_testing_platform_executable_without_extra_switches()
    {
        // The executable as `dotnet run` starts it, no xunit-diagnostics option: the package's platform
        // extension (registered by its buildTransitive targets, which the fixture imports) prints the lines.
        var streamed = DotnetCli.Stream([run.Application, "--filter-class", "XunitV3Fixture.LiveProgress"], environment: LiveProgress.SlowFixture);
        Assert.Null(LiveProgress.Failure(streamed, "XunitV3Fixture.LiveProgress.Slow(finite)"));
        Assert.NotEqual(0, streamed.ExitCode); // it stops at its timeout: incomplete, so failed
        // Once each: not also as an xUnit diagnostic message.
        var periodic = LiveProgress.PeriodicLines(streamed, "XunitV3Fixture.LiveProgress.Slow(finite)", streamed.ExitedAt);
        Assert.Equal(periodic.Count, periodic.Select(l => l.Text).Distinct().Count());
    }

    [Fact]
    public void Dotnet_test_on_the_testing_platform_leaves_no_empty_TestResults_folder_where_it_ran()
    {
        // The platform creates <working directory>/TestResults when it starts; the package's extension removes
        // it when the run wrote nothing there, and keeps it when it did (a report).
        var directory = Directory.CreateDirectory(Path.Combine(run.ResultsDirectory, "dotnet-test-mtp")).FullName;
        File.WriteAllText(Path.Combine(directory, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        string[] test = ["test", "--project", run.Project, "-c", run.Configuration, "--no-build", "--filter-class", "XunitV3Fixture.LiveProgress"];

        var plain = DotnetCli.Run(test, directory);
        Assert.True(plain.ExitCode == 0, plain.Output);
        Assert.Contains("XunitV3Fixture.dll", plain.Output, StringComparison.Ordinal); // it ran in the platform's mode (not VSTest)
        Assert.False(Directory.Exists(Path.Combine(directory, "TestResults")), "an empty TestResults folder was left:\n" + plain.Output);

        var reported = DotnetCli.Run([.. test, "--report-trx"], directory);
        Assert.True(reported.ExitCode == 0, reported.Output);
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(directory, "TestResults"), "*.trx"));
    }
}
