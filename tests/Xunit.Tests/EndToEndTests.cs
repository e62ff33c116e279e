using System.Reflection;
using Stateright.Testing.EndToEnd;

namespace Stateright.Testing.Xunit.Tests;

/// <summary>
/// Runs `dotnet test` on tests/Fixtures/XunitFixture (a project whose tests fail on purpose) and reads
/// the TRX: one result per property, names, outcomes, messages, list and filter, one run per method.
/// </summary>
[Trait("Category", "EndToEnd")] // runs dotnet on a fixture project: `dotnet test Stateright.Testing.sln -p:TestSuite=endtoend`
public sealed class EndToEndTests(EndToEndTests.FixtureRun run) : IClassFixture<EndToEndTests.FixtureRun>
{
    /// <summary>Builds the fixture and runs all of its tests once for the whole class.</summary>
    public sealed class FixtureRun : IDisposable
    {
        public FixtureRun()
        {
            Project = Path.Combine(RepositoryRoot(), "tests", "Fixtures", "XunitFixture", "XunitFixture.csproj");
            Configuration = typeof(FixtureRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            ResultsDirectory = Directory.CreateTempSubdirectory("stateright-e2e-").FullName;
            var build = Dotnet("build", Project, "-c", Configuration, "--nologo");
            if (build.ExitCode != 0) throw new InvalidOperationException("Building the fixture failed:\n" + build.Output);
            // Every test but the 30-second LiveProgress check, which its own test runs.
            TestRun = Dotnet("test", Project, "-c", Configuration, "--no-build", "--filter", "FullyQualifiedName!~XunitFixture.LiveProgress", "--logger", "trx;LogFileName=all.trx", "--results-directory", ResultsDirectory);
            Results = ReadTrx(Path.Combine(ResultsDirectory, "all.trx"));
        }

        public string Project { get; }
        public string Configuration { get; }
        public string ResultsDirectory { get; }
        public (int ExitCode, string Output) TestRun { get; }
        public IReadOnlyList<TrxResult> Results { get; }

        public void Dispose() => Directory.Delete(ResultsDirectory, recursive: true);
    }

    public sealed record TrxResult(string Name, string Outcome, string Message, string Output);

    [Fact]
    public void Reports_one_result_per_property_with_the_expected_outcomes()
    {
        Assert.NotEqual(0, run.TestRun.ExitCode); // the fixture fails on purpose
        var outcomes = run.Results.ToDictionary(r => r.Name, r => r.Outcome);
        Assert.Equal(new Dictionary<string, string>
        {
            ["XunitFixture.FixtureModels.Mixed(holds)"] = "Passed",
            ["XunitFixture.FixtureModels.Mixed(violated)"] = "Failed",
            ["XunitFixture.FixtureModels.Mixed(reachable)"] = "Passed",
            ["XunitFixture.FixtureModels.Mixed(unreachable)"] = "Failed",
            ["XunitFixture.FixtureModels.KnownBug(known bug)"] = "Passed",
            ["XunitFixture.FixtureModels.Broken"] = "Failed",
            ["XunitFixture.FixtureModels.Endless(finite)"] = "Failed",
            ["XunitFixture.FixtureModels.BadArguments"] = "Failed",
            ["XunitFixture.FixtureModels.SelfReferential(holds)"] = "Failed",
        }, outcomes);
    }

    [Fact]
    public void Failure_messages_explain_each_outcome()
    {
        string Message(string name) => run.Results.Single(r => r.Name == name).Message;
        Assert.Contains("Unexpected Property \"violated\" (Always): counterexample in 2 steps:", Message("XunitFixture.FixtureModels.Mixed(violated)"));
        Assert.Contains("Last state: 2", Message("XunitFixture.FixtureModels.Mixed(violated)"));
        // An unexpected counterexample: stateright accept refuses it unless told to, and its received file is marked so.
        Assert.Contains("add [ExpectDiscovery(\"violated\")] to XunitFixture.FixtureModels.Mixed, then stateright accept --include-unexpected", Message("XunitFixture.FixtureModels.Mixed(violated)"));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(run.Project)!, "FixtureModels.Mixed.violated.received.unexpected")));
        Assert.Contains("every state was checked, so this outcome is unreachable", Message("XunitFixture.FixtureModels.Mixed(unreachable)"));
        Assert.Contains("the factory is broken", Message("XunitFixture.FixtureModels.Broken"));
        Assert.Contains("model checking is incomplete: it timed out", Message("XunitFixture.FixtureModels.Endless(finite)"));
        Assert.Contains("has bad arguments: Threads must be 0 (all cores) or at least 1, not -1.", Message("XunitFixture.FixtureModels.BadArguments"));
    }

    [Fact]
    public void A_state_that_refers_to_itself_fails_its_case_and_the_host_survives()
    {
        Assert.DoesNotContain("Test host process crashed", run.TestRun.Output);
        var message = run.Results.Single(r => r.Name == "XunitFixture.FixtureModels.SelfReferential(holds)").Message;
        Assert.Contains("UnfingerprintableTypeException", message);
        Assert.Contains("SelfReferentialList+Node.Next", message);
        Assert.Contains("object cycle", message);
    }

    [Fact]
    public void The_checker_runs_once_per_method()
    {
        var runNumbers = run.Results
            .Where(r => r.Name.StartsWith("XunitFixture.FixtureModels.Mixed(", StringComparison.Ordinal))
            .Select(r => System.Text.RegularExpressions.Regex.Match(r.Output, @"Checker run #(\d+) for FixtureModels\.Mixed").Groups[1].Value)
            .ToArray();
        Assert.Equal(4, runNumbers.Length);
        Assert.All(runNumbers, n => Assert.NotEqual("", n));
        Assert.Single(runNumbers.Distinct());
    }

    [Fact]
    public void List_tests_shows_every_property()
    {
        var list = Dotnet("test", run.Project, "-c", run.Configuration, "--no-build", "--list-tests");
        Assert.Equal(0, list.ExitCode);
        foreach (var name in new[] { "Mixed(holds)", "Mixed(violated)", "Mixed(reachable)", "Mixed(unreachable)", "KnownBug(known bug)", "Endless(finite)" })
            Assert.Contains("XunitFixture.FixtureModels." + name, list.Output);
    }

    [Fact]
    public void A_filter_on_one_property_runs_only_that_one()
    {
        var results = Path.Combine(run.ResultsDirectory, "filtered");
        var filtered = Dotnet("test", run.Project, "-c", run.Configuration, "--no-build", "--filter", "ModelProperty=reachable", "--logger", "trx;LogFileName=one.trx", "--results-directory", results);
        Assert.Equal(0, filtered.ExitCode);
        var result = Assert.Single(ReadTrx(Path.Combine(results, "one.trx")));
        Assert.Equal("XunitFixture.FixtureModels.Mixed(reachable)", result.Name);
        Assert.Equal("Passed", result.Outcome);
    }

    [Fact]
    public void A_30_second_check_prints_progress_on_the_console_while_it_runs_without_extra_switches()
    {
        // The fixture imports the package's buildTransitive files, as a package user's project does.
        var streamed = DotnetCli.Stream(["test", run.Project, "-c", run.Configuration, "--no-build", "--filter", "FullyQualifiedName~XunitFixture.LiveProgress"], environment: LiveProgress.SlowFixture);
        Assert.Null(LiveProgress.Failure(streamed, "XunitFixture.LiveProgress.Slow(finite)", minimum: 4));
        Assert.NotEqual(0, streamed.ExitCode); // it stops at its timeout: incomplete, so failed
    }

    private static IReadOnlyList<TrxResult> ReadTrx(string path) =>
        Trx.Read(path).Select(r => new TrxResult(r.Name, r.Outcome, r.Message, r.Output)).ToArray();

    private static (int ExitCode, string Output) Dotnet(params string[] args)
    {
        var result = DotnetCli.Run(args);
        return (result.ExitCode, result.Output);
    }

    private static string RepositoryRoot() => DotnetCli.RepositoryRoot();
}
