using Stateright.Snapshots;

namespace Stateright.Testing;

/// <summary>
/// Runs model test cases for every front end: joins (or starts) the method's one shared checker run
/// and turns the case's property verdict and snapshot into a <see cref="ModelTestOutcome"/>. Never
/// throws for a model's or a user's mistake: those become failed outcomes.
/// </summary>
public static class ModelTestRunner
{
    /// <summary>
    /// Runs <paramref name="testCase"/>. The shared run's output lines reach <paramref name="progress"/>
    /// while it waits: first those written before it joined (starting with the run's header), then each
    /// new line, synchronously on the checker's reporting thread (never after this method returns, so a
    /// front end may write them to an output channel that closes with the test). The lines it received
    /// are a prefix of the outcome's <see cref="ModelTestOutcome.Output"/> (unless the case was
    /// cancelled), so a front end whose live output is also the final output writes only the rest.
    /// Cancelling <paramref name="cancellationToken"/> stops the wait (and the checker,
    /// when no other case of the run is still waiting) and ends the case as incomplete.
    /// </summary>
    public static Task<ModelTestOutcome> RunAsync(ModelTestCase testCase, Action<string>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(testCase, SnapshotEnvironment.FromProcess(), new ModelTestProgress(progress), cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(ModelTestCase, Action{string}, CancellationToken)"/>, with live lines for
    /// the console too: <paramref name="progress"/>'s <see cref="ModelTestProgress.Output"/> receives
    /// every line as described there, its <see cref="ModelTestProgress.Console"/> the throttled few
    /// written while this case waits (the same rule in every front end).
    /// </summary>
    public static Task<ModelTestOutcome> RunAsync(ModelTestCase testCase, ModelTestProgress progress, CancellationToken cancellationToken = default) =>
        RunAsync(testCase, SnapshotEnvironment.FromProcess(), progress, cancellationToken);

    /// <summary>As <see cref="RunAsync(ModelTestCase, Action{string}, CancellationToken)"/>, in a given snapshot environment.</summary>
    public static Task<ModelTestOutcome> RunAsync(ModelTestCase testCase, SnapshotEnvironment environment, Action<string>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(testCase, environment, new ModelTestProgress(progress), cancellationToken);

    /// <summary>As <see cref="RunAsync(ModelTestCase, ModelTestProgress, CancellationToken)"/>, in a given snapshot environment.</summary>
    public static async Task<ModelTestOutcome> RunAsync(ModelTestCase testCase, SnapshotEnvironment environment, ModelTestProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(environment);
        if (testCase.Skip is not null) return new ModelTestOutcome(ModelTestOutcomeKind.Skipped, testCase.Skip, [], TimeSpan.Zero, []);
        if (testCase.DiscoveryError is not null) return ModelTestOutcome.Error(testCase.DiscoveryError);
        if (testCase.Property is null) return ModelTestOutcome.Error($"{testCase.Method.FullName}: no property to report.");

        var run = ModelRunCache.GetOrStart(testCase.Method.Key + "|" + testCase.Options.CacheKey(), (number, run, token) => CheckAsync(testCase, number, run, token));
        ModelRunRecord record;
        try
        {
            record = await run.WaitAsync(progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ModelTestOutcome(ModelTestOutcomeKind.Incomplete, CancelledMessage(testCase, run), [], TimeSpan.Zero, []);
        }

        if (record.Failure is not null) return ModelTestOutcome.Error(record.Failure, record.Output);
        var result = record.Result!;
        try
        {
            return PropertyOutcome.Evaluate(testCase, result, record.Output, environment);
        }
        catch (Exception e)
        {
            return ModelTestOutcome.Error($"Reporting property \"{testCase.Property}\" of {testCase.Method.FullName} failed: {e.GetType().Name}: {e.Message}", record.Output);
        }
        finally
        {
            run.Reported(testCase.Property, result.Verdicts.Count); // reported, even by a failure: the run can be forgotten
        }
    }

    /// <summary>What a cancelled case reports: the method, its undecided property, and how far the shared checker run had got.</summary>
    private static string CancelledMessage(ModelTestCase testCase, ModelRun run)
    {
        var method = testCase.Method;
        var reached = run.LastProgress is { } line && line.StartsWith(ProgressPrefix, StringComparison.Ordinal)
            ? $"Checker run #{run.Number} ({testCase.Options.Engine}) had got this far: {line[ProgressPrefix.Length..]}."
            : $"Checker run #{run.Number} ({testCase.Options.Engine}) was cancelled before its first progress report (within a second of starting).";
        return $"The test run was cancelled before {method.FullName} finished checking; property \"{testCase.Property}\" was not decided. {reached}";
    }

    private const string ProgressPrefix = "Checking. ";

    private static async Task<ModelRunRecord> CheckAsync(ModelTestCase testCase, int runNumber, ModelRun run, CancellationToken cancellationToken)
    {
        var method = testCase.Method;
        var options = testCase.Options;
        // One run serves every property case of the method; its number shows that in each case's output.
        // Every line goes through the run, so the lines a case receives live are a prefix of its output.
        run.Progress($"Checker run #{runNumber} for {method.TestClass.Name}.{method.Method.Name} ({options.Engine}, {options.Threads} thread{(options.Threads == 1 ? "" : "s")})");
        try
        {
            var problems = options.Validate();
            if (problems.Count > 0) throw new ModelTestConfigurationException($"The model test {method.FullName} has bad arguments: {string.Join(" ", problems)}");
            var model = ModelTestDiscovery.Unwrap(method.CreateModel);
            var result = await model.RunAsync(options, run.Periodic, run.Progress, cancellationToken).ConfigureAwait(false);
            return new ModelRunRecord(result, null, run.Lines);
        }
        catch (Exception e)
        {
            return new ModelRunRecord(null, ModelTestDiscovery.DescribeFailure(method, e), run.Lines);
        }
    }
}
