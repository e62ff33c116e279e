using System.Reflection;
using System.Text;
using Stateright.Snapshots;

namespace Stateright.Testing;

/// <summary>
/// The outcome engine behind <c>[ModelTheory]</c>, shared by every test-framework front end: lists a
/// model method's properties (one test case each), runs the checker once per method, and turns each
/// property's verdict and trace snapshot into a pass or a failure with a complete message.
/// </summary>
public static class ModelTestRunner
{
    /// <summary>
    /// The property names of a model method, in declaration order, without running the checker.
    /// </summary>
    /// <exception cref="ModelTestConfigurationException">Bad options, a method that returns no model, or an expected discovery naming an unknown property.</exception>
    /// <exception cref="Exception">Whatever the model factory threw (unwrapped from <see cref="TargetInvocationException"/>).</exception>
    public static IReadOnlyList<string> DiscoverProperties(ModelMethod method, ModelTestOptions options)
    {
        ThrowIfInvalid(options);
        var model = Unwrap(method.CreateModel);
        var names = model.Properties.Select(p => p.Name).ToArray();
        if (names.Length == 0) throw new ModelTestConfigurationException($"The model returned by {method.TestClass.Name}.{method.Method.Name} has no properties to check.");
        foreach (var expected in options.ExpectedDiscoveries)
            if (!names.Contains(expected))
                throw new ModelTestConfigurationException($"[ExpectDiscovery(\"{expected}\")] on {method.TestClass.Name}.{method.Method.Name}: {ErrorMessages.UnknownProperty(expected, names)}");
        return names;
    }

    /// <summary>
    /// Runs (or joins the shared run of) the checker for <paramref name="method"/> and reports
    /// <paramref name="property"/>: its verdict, its snapshot comparison, and the run's progress.
    /// Never throws for model problems: they become failed results.
    /// </summary>
    public static async Task<PropertyTestResult> RunPropertyAsync(ModelMethod method, ModelTestOptions options, string property, SnapshotEnvironment? environment = null, CancellationToken cancellationToken = default)
    {
        var outcome = await ModelRunCache.GetOrRun(method.Key + "|" + options.CacheKey(), number => RunAsync(method, options, number)).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (outcome.Failure is not null)
            return new PropertyTestResult(false, Describe(method, outcome.Failure), "", TimeSpan.Zero);
        var result = outcome.Result!;
        var output = string.Join("\n", result.Progress);
        var verdict = result.Verdicts.FirstOrDefault(v => v.Name == property);
        if (verdict is null)
            return new PropertyTestResult(false, ErrorMessages.UnknownProperty(property, result.Verdicts.Select(v => v.Name)), output, result.Elapsed);
        var (passed, message) = Evaluate(method, options, result, verdict, environment ?? SnapshotEnvironment.FromProcess());
        return new PropertyTestResult(passed, message, output, result.Elapsed);
    }

    private static async Task<ModelRunOutcome> RunAsync(ModelMethod method, ModelTestOptions options, int runNumber)
    {
        IModelHandle? model = null;
        try
        {
            ThrowIfInvalid(options);
            model = Unwrap(method.CreateModel);
            // One run serves every property case of the method; the number shows it in each case's output.
            var progress = new List<string> { $"Checker run #{runNumber} for {method.TestClass.Name}.{method.Method.Name} ({options.Engine}, {options.Threads} thread{(options.Threads == 1 ? "" : "s")})" };
            var result = await model.RunAsync(options, line => { lock (progress) progress.Add(line); }, CancellationToken.None).ConfigureAwait(false);
            return new ModelRunOutcome(result with { Progress = progress.ToArray() }, model, null);
        }
        catch (Exception e)
        {
            return new ModelRunOutcome(null, model, e is TargetInvocationException { InnerException: { } inner } ? inner : e);
        }
    }

    private static (bool Passed, string Message) Evaluate(ModelMethod method, ModelTestOptions options, ModelRunResult result, PropertyVerdict verdict, SnapshotEnvironment environment)
    {
        var expected = options.ExpectedDiscoveries.Contains(verdict.Name);
        var header = $"Property \"{verdict.Name}\" ({verdict.Expectation})";
        switch (verdict.Kind)
        {
            case VerdictKind.Error:
                return (false, $"{header} could not be checked: the model threw.\n{result.Error?.Message}");
            case VerdictKind.Incomplete:
                return (false, $"{header}: no discovery, but model checking is incomplete ({Describe(result.Status)}; {result.Summary}). An incomplete run is never a pass: raise the limits or shrink the model.");
            case VerdictKind.Holds when expected:
                return (false, $"{header}: expected a counterexample ([ExpectDiscovery]) but the property holds ({result.Summary}). If the bug is fixed, remove [ExpectDiscovery(\"{verdict.Name}\")] and delete its .verified.txt snapshot.");
            case VerdictKind.Holds:
                return (true, $"{header} holds ({result.Summary}).");
            case VerdictKind.NoExample:
                return (false, $"{header}: no example was found, so this outcome is unreachable ({result.Summary}).");
        }

        // A discovery: compare its trace with the snapshot.
        var paths = SnapshotPaths.ForProperties(method.SnapshotDirectory, method.TestClass, method.Method.Name, result.Verdicts.Select(v => v.Name))[verdict.Name];
        var snapshot = SnapshotVerifier.Verify(paths, verdict.Trace!, environment);
        if (verdict.Kind == VerdictKind.Violated && !expected)
        {
            var message = new StringBuilder("Unexpected ").Append(verdict.Trace);
            if (!snapshot.Matched) message.Append("\nIf this counterexample is a known bug, add [ExpectDiscovery(\"").Append(verdict.Name).Append("\")] and accept its snapshot:\n").Append(snapshot.Message);
            return (false, message.ToString().TrimEnd('\n'));
        }
        if (!snapshot.Matched)
            return (false, $"{header}: the {(verdict.Kind == VerdictKind.Violated ? "counterexample" : "example")} {(snapshot.IsNew ? "has no verified snapshot yet" : "differs from its snapshot")}.\n{snapshot.Message}".TrimEnd('\n'));
        return (true, $"{header}: {(verdict.Kind == VerdictKind.Violated ? "the expected counterexample" : "an example")} was found and matches {Path.GetFileName(paths.Verified)}.");
    }

    private static string Describe(CheckerStatus status) => status switch
    {
        CheckerStatus.TimedOut => "timed out",
        CheckerStatus.TargetStateCountReached => "stopped at the target state count",
        CheckerStatus.TargetMaxDepthReached => "states at the target depth were left unchecked",
        CheckerStatus.Cancelled => "cancelled",
        CheckerStatus.FinishedByDiscoveries => "stopped early",
        _ => status.ToString(),
    };

    private static string Describe(ModelMethod method, Exception failure) => failure switch
    {
        ModelTestConfigurationException => failure.Message,
        ModelCheckingException => failure.Message,
        _ => $"Building the model in {method.TestClass.Name}.{method.Method.Name} threw {failure.GetType().FullName}: {failure.Message}\n{failure.StackTrace}",
    };

    private static void ThrowIfInvalid(ModelTestOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ModelTestConfigurationException(string.Join(" ", problems));
    }

    private static IModelHandle Unwrap(Func<IModelHandle> create)
    {
        try { return create(); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
