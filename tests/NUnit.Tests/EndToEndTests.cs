using System.Reflection;
using System.Text.RegularExpressions;
using Stateright.Testing.EndToEnd;

namespace Stateright.Testing.NUnit.Tests;

/// <summary>
/// Builds tests/Fixtures/NUnitFixture once (NUnit 4.1 and 5.0 under VSTest, NUnit 5.0 under NUnit's
/// Microsoft.Testing.Platform runner), runs every variant as a user would and reads the TRX reports:
/// one result per property, names, outcomes, messages, attachments, list and filter, one checker run
/// per method, the same results in every variant.
/// </summary>
[Trait("Category", "EndToEnd")] // runs dotnet on a fixture project: `dotnet test Stateright.Testing.sln -p:TestSuite=endtoend`
public sealed class EndToEndTests(EndToEndTests.FixtureRuns runs) : IClassFixture<EndToEndTests.FixtureRuns>
{
    /// <summary>The fixture's variants: NUnit 4 and 5 under VSTest, NUnit 5 under MTP with `dotnet run` and `dotnet test`.</summary>
    public const string NUnit4 = "NUnit4", NUnit5 = "NUnit5", MtpRun = "MTP dotnet run", MtpTest = "MTP dotnet test";

    public static TheoryData<string> Variants => [NUnit4, NUnit5, MtpRun, MtpTest];

    /// <summary>Builds the fixture and runs all of its tests once in each variant.</summary>
    public sealed class FixtureRuns : IDisposable
    {
        public FixtureRuns()
        {
            FixtureDirectory = Path.Combine(DotnetCli.RepositoryRoot(), "tests", "Fixtures", "NUnitFixture");
            Configuration = typeof(FixtureRuns).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            ResultsDirectory = Directory.CreateTempSubdirectory("stateright-nunit-e2e-").FullName;
            var build = DotnetCli.Run("build", Path.Combine(FixtureDirectory, "NUnitFixture.slnx"), "-c", Configuration, "--nologo");
            if (build.ExitCode != 0) throw new InvalidOperationException("Building the fixture failed:\n" + build.Output);

            // Every test but the 15-second LiveProgress check, which its own test runs.
            Runs[NUnit4] = VsTest(Project(NUnit4), "nunit4.trx", AllButLiveProgress);
            Runs[NUnit5] = VsTest(Project(NUnit5), "nunit5.trx", AllButLiveProgress);
            var mtp = Project("Mtp");
            Runs[MtpRun] = Collect(DotnetCli.Run(["run", "--project", mtp, "-c", Configuration, "--no-build", "--", .. MtpReport("mtp-run.trx"), .. AllButLiveProgress]), "mtp-run.trx");
            // MTP mode of `dotnet test` is chosen by the global.json beside the project, found from the working directory.
            Runs[MtpTest] = Collect(DotnetCli.Run(["test", "--project", mtp, "-c", Configuration, "--no-build", .. MtpReport("mtp-test.trx"), .. AllButLiveProgress], Path.GetDirectoryName(mtp)), "mtp-test.trx");
        }

        public string FixtureDirectory { get; }
        public string Configuration { get; }
        public string ResultsDirectory { get; }
        public Dictionary<string, Run> Runs { get; } = [];

        private static readonly string[] AllButLiveProgress = ["--filter", "FullyQualifiedName!~NUnitFixture.LiveProgress"];

        public string Project(string variant) => Path.Combine(FixtureDirectory, variant, $"NUnitFixture.{variant}.csproj");

        public Run VsTest(string project, string trx, params string[] extra) =>
            Collect(DotnetCli.Run(["test", project, "-c", Configuration, "--no-build", "--logger", $"trx;LogFileName={trx}", "--results-directory", ResultsDirectory, .. extra]), trx);

        private string[] MtpReport(string trx) => ["--report-trx", "--report-trx-filename", trx, "--results-directory", ResultsDirectory];

        private Run Collect(DotnetCli.Result result, string trx)
        {
            var path = Path.Combine(ResultsDirectory, trx);
            if (!File.Exists(path)) throw new InvalidOperationException($"No TRX report {trx}; the run said:\n{result.Output}");
            return new Run(result.ExitCode, result.Output, Trx.Read(path));
        }

        public void Dispose() => Directory.Delete(ResultsDirectory, recursive: true);
    }

    public sealed record Run(int ExitCode, string Output, IReadOnlyList<Trx.Result> Results)
    {
        public Trx.Result this[string name] => Results.Single(r => r.Name == name);
    }

    private static readonly Dictionary<string, string> s_expectedOutcomes = new()
    {
        // The scenarios every front end's fixture holds.
        ["Mixed(holds)"] = "Passed",
        ["Mixed(violated)"] = "Failed",
        ["Mixed(reachable)"] = "Passed",
        ["Mixed(unreachable)"] = "Failed",
        ["KnownBug(known bug)"] = "Passed",
        ["Broken"] = "Failed",
        ["Endless(finite)"] = "Failed",
        ["BadArguments"] = "Failed",
        // NUnit's own stop signal, signatures NUnit itself rejects, an unknown expected discovery, a skip.
        ["Cancelled(finite)"] = "Failed",
        ["WithParameter"] = "Failed",
        ["ReturnsVoid"] = "Failed",
        ["NotAModel"] = "Failed",
        ["UnknownDiscovery"] = "Failed",
        ["Skipped(holds)"] = "NotExecuted",
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Reports_one_result_per_property_with_the_expected_outcomes(string variant)
    {
        var run = runs.Runs[variant];
        Assert.NotEqual(0, run.ExitCode); // the fixture fails on purpose
        Assert.Equal(s_expectedOutcomes, run.Results.ToDictionary(r => r.Name, r => r.Outcome));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Failure_messages_explain_each_outcome(string variant)
    {
        var run = runs.Runs[variant];
        var violated = run["Mixed(violated)"].Message;
        // The core's message as it is, with nothing of NUnit's added (no "Expected: … But was: …").
        Assert.StartsWith("Unexpected Property \"violated\" (Always): counterexample in 2 steps:", violated);
        Assert.Contains("Last state: 2", violated);
        Assert.DoesNotContain("Expected:", violated);
        Assert.Contains("every state was checked, so this outcome is unreachable", run["Mixed(unreachable)"].Message);
        Assert.Contains("the factory is broken", run["Broken"].Message);
        Assert.Contains("model checking is incomplete: it timed out", run["Endless(finite)"].Message);
        Assert.Contains("has bad arguments: Threads must be 0 (all cores) or at least 1, not -1.", run["BadArguments"].Message);
        Assert.Contains("The test run was cancelled before NUnitFixture.NUnitModels.Cancelled finished checking", run["Cancelled(finite)"].Message);
        Assert.Contains("must take no parameters to be a model test; it takes 1.", run["WithParameter"].Message);
        Assert.Contains("ReturnsVoid returns void", run["ReturnsVoid"].Message);
        Assert.Contains("returned a Int32, which is not a Stateright.Model", run["NotAModel"].Message);
        Assert.Contains("[ExpectDiscovery(\"no such property\")]", run["UnknownDiscovery"].Message);
        Assert.Contains("not today", run["Skipped(holds)"].Message + run["Skipped(holds)"].Output);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_trace_is_attached_to_a_failed_result_only(string variant)
    {
        var run = runs.Runs[variant];
        Assert.Empty(run["KnownBug(known bug)"].Attachments); // a passed case attaches nothing
        Assert.Contains("FixtureModels.Mixed.violated.trace.txt", run["Mixed(violated)"].Attachments);
        Assert.Contains("FixtureModels.Mixed.violated.received.txt", run["Mixed(violated)"].Attachments);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_checker_runs_once_per_method_and_its_progress_is_in_the_output(string variant)
    {
        var mixed = runs.Runs[variant].Results.Where(r => r.Name.StartsWith("Mixed(", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, mixed.Length);
        var runNumbers = mixed.Select(r => Regex.Match(r.Output, @"Checker run #(\d+) for FixtureModels\.Mixed").Groups[1].Value).ToArray();
        Assert.All(runNumbers, n => Assert.NotEqual("", n));
        Assert.Single(runNumbers.Distinct());
        Assert.All(mixed, r => Assert.Contains("Done. states=4, unique=4", r.Output));
    }

    [Theory]
    [InlineData(MtpRun)]
    [InlineData(MtpTest)]
    public void MTP_output_lists_no_artifact_of_a_passed_test_and_no_console_line_of_a_short_check(string variant)
    {
        var output = runs.Runs[variant].Output;
        Assert.DoesNotContain("For test 'KnownBug(known bug)'", output);
        Assert.DoesNotContain("For test 'Mixed(reachable)'", output);
        Assert.Contains("For test 'Mixed(violated)'", output); // a failure's files are listed
        // The checks are all shorter than the console interval: their lines are in the results, not live.
        Assert.DoesNotContain("Mixed(holds): Checker run #", output);
        Assert.DoesNotContain("): Done. states=", output);
    }

    [Fact]
    public void Dotnet_test_on_NUnit_s_platform_runner_leaves_no_empty_TestResults_folder_where_it_ran()
    {
        // The platform creates <working directory>/TestResults when it starts; the package's extension removes it
        // when the run wrote nothing there (src/Shared/TestingPlatform/EmptyResultsDirectory.cs).
        var directory = Directory.CreateDirectory(Path.Combine(runs.ResultsDirectory, "no-empty-results")).FullName;
        File.WriteAllText(Path.Combine(directory, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        var run = DotnetCli.Run(["test", "--project", runs.Project("Mtp"), "-c", runs.Configuration, "--no-build", "--filter", "FullyQualifiedName~NUnitFixture.FixtureModels.KnownBug"], directory);
        Assert.Contains("NUnitFixture.Mtp.dll", run.Output, StringComparison.Ordinal); // it ran, in the platform's mode
        Assert.False(Directory.Exists(Path.Combine(directory, "TestResults")), "an empty TestResults folder was left:\n" + run.Output);
    }

    [Fact]
    public void Every_variant_reports_the_same_messages()
    {
        // Endless and Cancelled are left out: how far a timed-out or cancelled run got varies (each
        // variant's message is checked on its own in Failure_messages_explain_each_outcome). The explore
        // command line names the variant's own files (its test assembly), so it is compared up to its start.
        static Dictionary<string, string> Messages(Run run) =>
            run.Results.Where(r => r.Name is not ("Endless(finite)" or "Cancelled(finite)"))
                .ToDictionary(r => r.Name, r => Regex.Replace(r.Message, "stateright explore .*", "stateright explore …"));
        var reference = Messages(runs.Runs[NUnit4]);
        foreach (var variant in new[] { NUnit5, MtpRun, MtpTest })
            Assert.Equal(reference, Messages(runs.Runs[variant]));
    }

    [Fact]
    public void Snapshots_are_byte_identical_to_the_xunit_fixtures_and_pass()
    {
        var xunitFixture = Path.Combine(runs.FixtureDirectory, "..", "XunitFixture");
        foreach (var file in new[] { "FixtureModels.KnownBug.known bug.verified.txt", "FixtureModels.Mixed.reachable.verified.txt" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(xunitFixture, file)), File.ReadAllBytes(Path.Combine(runs.FixtureDirectory, file)));
        // Passing means the NUnit front end rendered exactly those bytes' text; a difference would fail with a diff.
        foreach (var run in runs.Runs.Values)
        {
            Assert.Equal("Passed", run["KnownBug(known bug)"].Outcome);
            Assert.Equal("Passed", run["Mixed(reachable)"].Outcome);
        }
    }

    [Fact]
    public void List_tests_shows_every_property()
    {
        var list = DotnetCli.Run("test", runs.Project(NUnit4), "-c", runs.Configuration, "--no-build", "--list-tests");
        Assert.Equal(0, list.ExitCode);
        foreach (var name in s_expectedOutcomes.Keys)
            Assert.Contains("    " + name + "\n", list.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_filter_on_one_property_runs_only_that_one()
    {
        var run = runs.VsTest(runs.Project(NUnit5), "filtered.trx", "--filter", "ModelProperty=reachable");
        Assert.Equal(0, run.ExitCode);
        var result = Assert.Single(run.Results);
        Assert.Equal("Mixed(reachable)", result.Name);
        Assert.Equal("Passed", result.Outcome);
    }

    [Fact]
    public void A_long_check_prints_progress_on_the_console_while_it_runs_without_extra_switches()
    {
        var streamed = DotnetCli.Stream(["test", runs.Project(NUnit5), "-c", runs.Configuration, "--no-build", "--filter", "FullyQualifiedName~NUnitFixture.LiveProgress"], environment: LiveProgress.SlowFixture);
        Assert.Null(LiveProgress.Failure(streamed, "Slow(finite)"));
        Assert.NotEqual(0, streamed.ExitCode); // it stops at its timeout: incomplete, so failed
    }
}
