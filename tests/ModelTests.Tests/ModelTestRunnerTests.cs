using System.Reflection;
using Stateright.Snapshots;
using Stateright.Testing;
using Stateright.Tests.TestModels;

namespace Stateright.Tests.Testing;

// Counts ModelRunCache.RunsStarted, a process-wide counter: never in parallel with the discovery tests.
[Collection(nameof(ModelRunCache))]
public sealed class ModelTestRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("stateright-runner-").FullName;
    private static readonly SnapshotEnvironment Local = new(false, false, false);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Counts forever; only a timeout or cancellation stops it.</summary>
    public sealed class Endless : Model<long, int>
    {
        public override IEnumerable<long> InitStates() => [0];
        public override void Actions(long state, List<int> actions) { actions.Add(1); actions.Add(2); }
        public override bool TryNextState(long state, int action, out long next) { next = state + action; return true; }
        public override long NextState(long state, int action) => throw new NotSupportedException();
        protected override IEnumerable<Property<long>> DefineProperties() => [Property<long>.Always("finite", _ => true), Property<long>.Sometimes("never", s => s < 0)];
    }

    public static CountUpTo Holding() => new(3, Property<int>.Always("small", s => s < 10));
    public static CountUpTo Violated() => new(3, Property<int>.Always("small", s => s < 2), Property<int>.Sometimes("two", s => s == 2));
    public static CountUpTo Throws() => throw new InvalidOperationException("factory failure");
    public static Endless Forever() => new();

    /// <summary>Two properties whose names are too long for a file name, alike in their first 299 characters.</summary>
    public static CountUpTo LongNames() => new(3, Property<int>.Sometimes(LongName('a'), s => s == 2), Property<int>.Sometimes(LongName('b'), s => s == 3), Property<int>.Always("small", s => s < 10));

    private static string LongName(char last) => new string('x', 299) + last;

    private ModelTestCase Case(string method, string property, ModelTestOptions? options = null) =>
        new(new ModelMethod(typeof(ModelTestRunnerTests).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!, Path.Combine(_directory, "Tests.cs"), 1),
            options ?? new ModelTestOptions(), property, null, null);

    [Fact]
    public async Task Runs_the_checker_once_for_all_properties_of_a_method()
    {
        var options = new ModelTestOptions { Seed = 123 }; // a cache key of its own
        var runs = ModelRunCache.RunsStarted;
        var results = await Task.WhenAll(
            ModelTestRunner.RunAsync(Case(nameof(Violated), "small", options), Local),
            ModelTestRunner.RunAsync(Case(nameof(Violated), "two", options), Local));
        Assert.Equal(runs + 1, ModelRunCache.RunsStarted);
        Assert.Equal(ModelTestOutcomeKind.Failed, results[0].Kind);
        Assert.StartsWith("Unexpected Property \"small\" (Always): counterexample in 2 steps:", results[0].Message);
        Assert.Contains("If this counterexample is a known bug, add [ExpectDiscovery(\"small\")]", results[0].Message);
        // The message ends with the one command line that opens the counterexample in the Explorer.
        Assert.Matches(@"\nStep through it in the browser: stateright explore .+ --assembly \S*Stateright\.Testing\.ModelTests\.Tests\.dll$", results[0].Message);
        Assert.Equal(ModelTestOutcomeKind.Passed, results[1].Kind); // a new example is recorded as its verified snapshot
        Assert.Contains("so it was recorded as", results[1].Message);
        Assert.Contains(results[0].Output, line => line.StartsWith("Checker run #", StringComparison.Ordinal));
        Assert.Equal(results[0].Output.Take(2), results[1].Output.Take(2));
    }

    [Fact]
    public async Task The_trace_appears_once_in_a_failure_message_and_is_attached()
    {
        var outcome = await ModelTestRunner.RunAsync(Case(nameof(Violated), "small", new ModelTestOptions { Seed = 7 }), Local);
        Assert.Equal(1, CountOf(outcome.Message, "Last state:"));
        var trace = Assert.Single(outcome.Artifacts, a => a.Kind == ModelTestArtifactKind.Trace);
        Assert.Contains("Property \"small\" (Always): counterexample in 2 steps:", SnapshotText.Read(trace.Path));
        Assert.Contains(outcome.Artifacts, a => a.Kind == ModelTestArtifactKind.ReceivedSnapshot && File.Exists(a.Path));
    }

    [Fact]
    public async Task An_expected_discovery_passes_once_its_snapshot_is_accepted()
    {
        var options = new ModelTestOptions { ExpectedDiscoveries = ["small"], Seed = 456 };
        Assert.Equal(ModelTestOutcomeKind.Failed, (await ModelTestRunner.RunAsync(Case(nameof(Violated), "small", options), Local)).Kind);
        SnapshotFiles.Accept(_directory);
        var accepted = await ModelTestRunner.RunAsync(Case(nameof(Violated), "small", options), Local);
        Assert.Equal(ModelTestOutcomeKind.Passed, accepted.Kind);
        Assert.Contains("the expected counterexample was found and matches ModelTestRunnerTests.Violated.small.verified.txt", accepted.Message);
    }

    [Fact]
    public async Task A_passed_case_attaches_no_artifacts_but_its_trace_is_still_written()
    {
        var options = new ModelTestOptions { ExpectedDiscoveries = ["small"], Seed = 457 };
        var first = await ModelTestRunner.RunAsync(Case(nameof(Violated), "small", options), Local);
        Assert.Equal(ModelTestOutcomeKind.Failed, first.Kind); // no snapshot yet: the failure carries the trace and the received file
        Assert.Contains(first.Artifacts, a => a.Kind == ModelTestArtifactKind.Trace);
        SnapshotFiles.Accept(_directory);
        var passed = await ModelTestRunner.RunAsync(Case(nameof(Violated), "small", options), Local);
        Assert.Equal(ModelTestOutcomeKind.Passed, passed.Kind);
        Assert.Empty(passed.Artifacts); // runners would list or copy them on every run
        Assert.True(File.Exists(first.Artifacts.Single(a => a.Kind == ModelTestArtifactKind.Trace).Path));
    }

    [Fact]
    public async Task Auto_accept_never_pins_an_unexpected_counterexample()
    {
        var outcome = await ModelTestRunner.RunAsync(Case(nameof(Violated), "small", new ModelTestOptions { Seed = 11 }), Local with { AutoAccept = true });
        Assert.Equal(ModelTestOutcomeKind.Failed, outcome.Kind);
        Assert.False(File.Exists(Path.Combine(_directory, "ModelTestRunnerTests.Violated.small.verified.txt")));
        var example = await ModelTestRunner.RunAsync(Case(nameof(Violated), "two", new ModelTestOptions { Seed = 11 }), Local with { AutoAccept = true });
        Assert.Equal(ModelTestOutcomeKind.Passed, example.Kind);
        Assert.Contains(example.Output, line => line.StartsWith("Accepted ", StringComparison.Ordinal) && line.Contains("ModelTestRunnerTests.Violated.two.verified.txt"));
    }

    [Fact]
    public async Task An_unexpected_counterexample_s_received_file_is_marked_so_that_the_tool_refuses_to_pin_it()
    {
        var options = new ModelTestOptions { Seed = 12 };
        var outcome = await ModelTestRunner.RunAsync(Case(nameof(Violated), "small", options), Local);
        Assert.Equal(ModelTestOutcomeKind.Failed, outcome.Kind);
        var marker = Path.Combine(_directory, "ModelTestRunnerTests.Violated.small.received.unexpected");
        Assert.True(File.Exists(Path.Combine(_directory, "ModelTestRunnerTests.Violated.small.received.txt")));
        Assert.True(File.Exists(marker));
        Assert.Contains("Property: small", File.ReadAllText(marker));
        Assert.Contains("Method: Stateright.Tests.Testing.ModelTestRunnerTests.Violated", File.ReadAllText(marker));

        // Expected now: the next run's received file is no longer marked, and its bytes are the same.
        var expected = await ModelTestRunner.RunAsync(Case(nameof(Violated), "small", options with { ExpectedDiscoveries = ["small"], Seed = 13 }), Local);
        Assert.Equal(ModelTestOutcomeKind.Failed, expected.Kind);
        Assert.Contains("has no verified snapshot yet", expected.Message);
        Assert.True(File.Exists(Path.Combine(_directory, "ModelTestRunnerTests.Violated.small.received.txt")));
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task A_reachable_sometimes_property_passes_on_its_first_run_and_its_example_is_recorded()
    {
        var outcome = await ModelTestRunner.RunAsync(Case(nameof(Violated), "two", new ModelTestOptions { Seed = 21 }), Local);
        Assert.Equal(ModelTestOutcomeKind.Passed, outcome.Kind);
        var verified = Path.Combine(_directory, "ModelTestRunnerTests.Violated.two.verified.txt");
        Assert.True(File.Exists(verified));
        Assert.Empty(Directory.GetFiles(_directory, "*.received.*"));
        Assert.Contains(outcome.Output, line => line.StartsWith("Recorded ", StringComparison.Ordinal) && line.Contains(verified));
        Assert.Contains("no verified snapshot yet, so it was recorded as ModelTestRunnerTests.Violated.two.verified.txt", outcome.Message);

        var again = await ModelTestRunner.RunAsync(Case(nameof(Violated), "two", new ModelTestOptions { Seed = 22 }), Local);
        Assert.Equal(ModelTestOutcomeKind.Passed, again.Kind);
        Assert.Contains("an example was found and matches ModelTestRunnerTests.Violated.two.verified.txt", again.Message);

        // A later run that finds another example fails with the diff.
        SnapshotText.Write(verified, "another example");
        var different = await ModelTestRunner.RunAsync(Case(nameof(Violated), "two", new ModelTestOptions { Seed = 23 }), Local);
        Assert.Equal(ModelTestOutcomeKind.Failed, different.Kind);
        Assert.Contains("the example differs from its verified snapshot", different.Message);
        Assert.Contains("-another example", different.Message);
        var received = Path.Combine(_directory, "ModelTestRunnerTests.Violated.two.received.txt");
        Assert.Equal($"Step through it in the browser: stateright explore {received} --assembly {typeof(ModelTestRunnerTests).Assembly.Location}", different.Message.Split('\n')[^1]);
    }

    [Fact]
    public async Task On_CI_a_reachable_sometimes_property_passes_on_its_first_run_and_nothing_is_written()
    {
        var ci = Local with { IsContinuousIntegration = true };
        var outcome = await ModelTestRunner.RunAsync(Case(nameof(Violated), "two", new ModelTestOptions { Seed = 24 }), ci);
        Assert.Equal(ModelTestOutcomeKind.Passed, outcome.Kind);
        Assert.Empty(Directory.GetFiles(_directory, "ModelTestRunnerTests.Violated.two.*"));
        Assert.Contains("not recorded on a CI build", outcome.Message);
    }

    [Fact]
    public async Task A_holding_property_passes_and_an_expected_discovery_that_never_comes_fails()
    {
        var holds = await ModelTestRunner.RunAsync(Case(nameof(Holding), "small"), Local);
        Assert.Equal(ModelTestOutcomeKind.Passed, holds.Kind);
        var expected = await ModelTestRunner.RunAsync(Case(nameof(Holding), "small", new ModelTestOptions { ExpectedDiscoveries = ["small"] }), Local);
        Assert.Equal(ModelTestOutcomeKind.Failed, expected.Kind);
        Assert.Contains("expected a counterexample ([ExpectDiscovery]) but the property holds", expected.Message);
    }

    [Fact]
    public async Task A_snapshot_left_behind_by_a_fixed_bug_or_a_renamed_property_is_reported()
    {
        SnapshotText.Write(Path.Combine(_directory, "ModelTestRunnerTests.Holding.small.verified.txt"), "an old counterexample");
        SnapshotText.Write(Path.Combine(_directory, "ModelTestRunnerTests.Holding.renamed.verified.txt"), "an old example");
        var outcome = await ModelTestRunner.RunAsync(Case(nameof(Holding), "small", new ModelTestOptions { Seed = 99 }), Local);
        Assert.Equal(ModelTestOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("But its snapshot ModelTestRunnerTests.Holding.small.verified.txt is left from an earlier discovery", outcome.Message);
        Assert.Contains("Dangling snapshots of Stateright.Tests.Testing.ModelTestRunnerTests.Holding, produced by no property of its model any more (renamed or removed?): ModelTestRunnerTests.Holding.renamed.verified.txt", outcome.Message);
    }

    [Fact]
    public async Task A_property_name_too_long_for_a_file_name_gets_a_shortened_stable_snapshot_name_and_the_others_still_report()
    {
        var options = new ModelTestOptions { Seed = 300 };
        var outcomes = await Task.WhenAll(new[] { LongName('a'), LongName('b'), "small" }.Select(p => ModelTestRunner.RunAsync(Case(nameof(LongNames), p, options), Local)));
        Assert.Equal(ModelTestOutcomeKind.Passed, outcomes[0].Kind); // each first example is recorded
        Assert.Contains("so it was recorded as", outcomes[0].Message);
        Assert.Equal(ModelTestOutcomeKind.Passed, outcomes[1].Kind);
        Assert.Equal(ModelTestOutcomeKind.Passed, outcomes[2].Kind);
        var verified = Directory.GetFiles(_directory, "*.verified.txt");
        Assert.Equal(2, verified.Length); // one each: the shortened names do not collide
        Assert.All(verified, f => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(f)), 1, 200));
        var again = await ModelTestRunner.RunAsync(Case(nameof(LongNames), LongName('a'), options with { Seed = 301 }), Local);
        Assert.Equal(ModelTestOutcomeKind.Passed, again.Kind); // the name is the same on the next run
    }

    [Fact]
    public async Task An_incomplete_run_is_never_a_pass()
    {
        var result = await ModelTestRunner.RunAsync(Case(nameof(Holding), "small", new ModelTestOptions { TargetMaxDepth = 2 }), Local);
        Assert.Equal(ModelTestOutcomeKind.Incomplete, result.Kind);
        Assert.True(result.IsFailure);
        Assert.Contains("model checking is incomplete: states at the target depth", result.Message);
    }

    [Fact]
    public async Task A_throwing_factory_fails_its_cases_at_run_time_too()
    {
        var result = await ModelTestRunner.RunAsync(Case(nameof(Throws), "anything"), Local);
        Assert.Equal(ModelTestOutcomeKind.Error, result.Kind);
        Assert.Contains("threw System.InvalidOperationException: factory failure", result.Message);
    }

    [Fact]
    public async Task Cancelling_the_only_waiting_case_stops_the_checker_within_a_second()
    {
        var testCase = Case(nameof(Forever), "finite", new ModelTestOptions { Seed = 1234, Threads = 1 });
        using var cancellation = new CancellationTokenSource();
        var progress = new List<string>();
        var running = ModelTestRunner.RunAsync(testCase, Local, line => { lock (progress) progress.Add(line); }, cancellation.Token);
        while (true) { lock (progress) if (progress.Any(IsProgress)) break; await Task.Delay(50); } // the checker is running and reporting live
        var run = ModelRunCache.TryGet(testCase.Method.Key + "|" + testCase.Options.CacheKey())!;
        Assert.False(run.IsFinished);
        await cancellation.CancelAsync();
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(ModelTestOutcomeKind.Incomplete, outcome.Kind);
        // The summary names the method and the property cancelled, and how far the shared run got.
        Assert.StartsWith($"The test run was cancelled before {testCase.Method.FullName} finished checking; property \"finite\" was not decided. Checker run #", outcome.Message, StringComparison.Ordinal);
        Assert.Matches(@"\(Bfs\) had got this far: states=\d+, unique=\d+, depth=\d+, states/sec=\d+, sec=\d", outcome.Message);
        var record = await run.Completion.WaitAsync(TimeSpan.FromSeconds(1)); // the checker itself stopped
        Assert.Equal(CheckerStatus.Cancelled, record.Result!.Status);
        // The run was abandoned and forgotten: asking again starts a new run, which is not the old one.
        var runs = ModelRunCache.RunsStarted;
        using var second = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await ModelTestRunner.RunAsync(testCase, Local, new ModelTestProgress(), second.Token);
        Assert.Equal(runs + 1, ModelRunCache.RunsStarted);
    }

    [Fact]
    public async Task A_case_that_joins_a_running_check_receives_its_output_so_far_then_each_new_line()
    {
        var options = new ModelTestOptions { Seed = 5151, Threads = 1, TimeoutSeconds = 2.5 };
        List<string> first = [], second = [];
        var early = ModelTestRunner.RunAsync(Case(nameof(Forever), "finite", options), Local, line => { lock (first) first.Add(line); });
        while (true) { lock (first) if (first.Any(IsProgress)) break; await Task.Delay(50); }
        var late = ModelTestRunner.RunAsync(Case(nameof(Forever), "never", options), Local, line => { lock (second) second.Add(line); });
        var outcomes = await Task.WhenAll(early, late);
        Assert.StartsWith("Checker run #", second[0], StringComparison.Ordinal); // the header, though it was written before this case joined
        Assert.Contains(second, IsProgress);
        Assert.StartsWith("Done.", second[^1], StringComparison.Ordinal);
        // What each case received live is a prefix of its outcome's output, so a front end can write just the rest.
        Assert.Equal(outcomes[0].Output.Take(first.Count), first);
        Assert.Equal(outcomes[1].Output.Take(second.Count), second);
    }

    [Fact]
    public async Task A_check_shorter_than_the_console_interval_prints_nothing_on_the_console()
    {
        var options = new ModelTestOptions { Seed = 5152, Threads = 1, TimeoutSeconds = 2.5 };
        List<string> output = [], console = [];
        await ModelTestRunner.RunAsync(Case(nameof(Forever), "finite", options), Local,
            new ModelTestProgress(line => { lock (output) output.Add(line); }, line => { lock (console) console.Add(line); }));
        // Every line goes to the test's output; a 2.5-second run is shorter than the console interval: nothing on the console.
        Assert.Contains(output, IsProgress);
        Assert.StartsWith("Done.", output[^1], StringComparison.Ordinal);
        Assert.Empty(console);
    }

    [Fact]
    public async Task A_long_check_prints_its_header_a_line_every_few_seconds_and_the_final_line_on_the_console()
    {
        var options = new ModelTestOptions { Seed = 5153, Threads = 1, TimeoutSeconds = 6.5 };
        List<string> output = [], console = [], lateConsole = [];
        var early = ModelTestRunner.RunAsync(Case(nameof(Forever), "finite", options), Local,
            new ModelTestProgress(line => { lock (output) output.Add(line); }, line => { lock (console) console.Add(line); }));
        while (true) { lock (output) if (output.Any(IsProgress)) break; await Task.Delay(50); }
        var late = ModelTestRunner.RunAsync(Case(nameof(Forever), "never", options), Local,
            new ModelTestProgress(console: line => { lock (lateConsole) lateConsole.Add(line); }));
        await Task.WhenAll(early, late);
        // Past the interval, the header goes out with the first periodic line; then the final line.
        Assert.Equal(3, console.Count);
        Assert.StartsWith("Checker run #", console[0], StringComparison.Ordinal);
        Assert.True(IsProgress(console[1]));
        Assert.StartsWith("Done.", console[2], StringComparison.Ordinal);
        // A case that joins later is not sent the earlier lines on its console, only what happens while it waits
        // (the header was not out yet when it joined: it hears it with the first periodic line).
        Assert.Equal(console, lateConsole);
    }

    private static bool IsProgress(string line) => line.StartsWith("Checking.", StringComparison.Ordinal);

    [Fact]
    public async Task A_run_is_forgotten_once_every_property_has_reported()
    {
        var options = new ModelTestOptions { Seed = 4242 };
        var runs = ModelRunCache.RunsStarted;
        await ModelTestRunner.RunAsync(Case(nameof(Violated), "small", options), Local);
        await ModelTestRunner.RunAsync(Case(nameof(Violated), "two", options), Local);
        Assert.Equal(runs + 1, ModelRunCache.RunsStarted); // the second case joined the first's run
        await ModelTestRunner.RunAsync(Case(nameof(Violated), "small", options), Local);
        Assert.Equal(runs + 2, ModelRunCache.RunsStarted); // both had reported, so the run was forgotten
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
