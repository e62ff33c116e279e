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
    /// Runs <paramref name="testCase"/>. Progress lines of the shared run reach <paramref name="progress"/>
    /// while it waits, synchronously on the checker's reporting thread (never after this method
    /// returns, so a front end may write them to an output channel that closes with the test); cancelling <paramref name="cancellationToken"/> stops the wait (and the checker,
    /// when no other case of the run is still waiting) and ends the case as incomplete.
    /// </summary>
    public static Task<ModelTestOutcome> RunAsync(ModelTestCase testCase, Action<string>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(testCase, SnapshotEnvironment.FromProcess(), progress, cancellationToken);

    /// <summary>As <see cref="RunAsync(ModelTestCase, Action{string}, CancellationToken)"/>, in a given snapshot environment.</summary>
    public static async Task<ModelTestOutcome> RunAsync(ModelTestCase testCase, SnapshotEnvironment environment, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
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
            return new ModelTestOutcome(ModelTestOutcomeKind.Incomplete, $"The test run was cancelled before {testCase.Method.FullName} finished checking; property \"{testCase.Property}\" was not decided.", [], TimeSpan.Zero, []);
        }

        try
        {
            if (record.Failure is not null) return ModelTestOutcome.Error(record.Failure, record.Output);
            var result = record.Result!;
            var outcome = PropertyOutcome.Evaluate(testCase, result, record.Output, environment);
            run.Reported(testCase.Property, result.Verdicts.Count);
            return outcome;
        }
        catch (Exception e)
        {
            return ModelTestOutcome.Error($"Reporting property \"{testCase.Property}\" of {testCase.Method.FullName} failed: {e.GetType().Name}: {e.Message}", record.Output);
        }
    }

    private static async Task<ModelRunRecord> CheckAsync(ModelTestCase testCase, int runNumber, ModelRun run, CancellationToken cancellationToken)
    {
        var method = testCase.Method;
        var options = testCase.Options;
        // One run serves every property case of the method; its number shows that in each case's output.
        var output = new List<string> { $"Checker run #{runNumber} for {method.TestClass.Name}.{method.Method.Name} ({options.Engine}, {options.Threads} thread{(options.Threads == 1 ? "" : "s")})" };
        void Progress(string line)
        {
            lock (output) output.Add(line);
            run.Progress(line);
        }
        try
        {
            var problems = options.Validate();
            if (problems.Count > 0) throw new ModelTestConfigurationException($"The model test {method.FullName} has bad arguments: {string.Join(" ", problems)}");
            var model = ModelTestDiscovery.Unwrap(method.CreateModel);
            var result = await model.RunAsync(options, Progress, cancellationToken).ConfigureAwait(false);
            lock (output) return new ModelRunRecord(result, null, output.ToArray());
        }
        catch (Exception e)
        {
            lock (output) return new ModelRunRecord(null, ModelTestDiscovery.DescribeFailure(method, e), output.ToArray());
        }
    }
}
