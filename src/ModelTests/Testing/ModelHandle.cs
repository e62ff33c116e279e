using System.Diagnostics;

namespace Stateright.Testing;

/// <summary>A model of unknown type arguments, seen through what model tests need: property names and one checker run.</summary>
internal interface IModelHandle
{
    IReadOnlyList<(string Name, Expectation Expectation)> Properties { get; }

    /// <summary>Checks the model; <paramref name="periodic"/> receives a progress line about every second, <paramref name="final"/> the last one.</summary>
    Task<ModelRunResult> RunAsync(ModelTestOptions options, Action<string> periodic, Action<string> final, CancellationToken cancellationToken);

    /// <summary>Checks the model; <paramref name="progress"/> receives every progress line.</summary>
    Task<ModelRunResult> RunAsync(ModelTestOptions options, Action<string> progress, CancellationToken cancellationToken) =>
        RunAsync(options, progress, progress, cancellationToken);

    /// <summary>Wraps a <see cref="Model{TState, TAction}"/> instance; null if <paramref name="model"/> is not one.</summary>
    static IModelHandle? TryCreate(object model)
    {
        for (var type = model.GetType(); type is not null; type = type.BaseType)
        {
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Model<,>)) continue;
            var handle = typeof(ModelHandle<,>).MakeGenericType(type.GetGenericArguments());
            return (IModelHandle)Activator.CreateInstance(handle, model)!;
        }
        return null;
    }
}

/// <summary>The typed side of <see cref="IModelHandle"/>: runs the checker and turns its results into verdicts.</summary>
internal sealed class ModelHandle<TState, TAction>(Model<TState, TAction> model) : IModelHandle
{
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromSeconds(1);

    public IReadOnlyList<(string Name, Expectation Expectation)> Properties { get; } =
        model.Properties.Select(p => (p.Name, p.Expectation)).ToArray();

    public async Task<ModelRunResult> RunAsync(ModelTestOptions options, Action<string> periodic, Action<string> final, CancellationToken cancellationToken)
    {
        var builder = model.Checker().Threads(options.Threads).WithCancellation(cancellationToken).Coverage();
        if (options.TargetStateCount > 0) builder.TargetStateCount(options.TargetStateCount);
        if (options.TargetMaxDepth > 0) builder.TargetMaxDepth(options.TargetMaxDepth);
        if (options.TimeoutSeconds > 0) builder.Timeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
        if (options.Symmetry)
        {
            if (!ModelSymmetry.TryGetRepresentative(model, out var representative, out var problem))
                throw new ModelTestConfigurationException("Symmetry = true: " + problem);
            builder.Symmetry(representative);
        }
        var checker = options.Engine switch
        {
            CheckEngine.Dfs => builder.SpawnDfs(),
            CheckEngine.Simulation => builder.SpawnSimulation(unchecked((ulong)options.Seed)),
            _ => builder.SpawnBfs(),
        };

        var stopwatch = Stopwatch.StartNew();
        var done = checker.JoinAsync(CancellationToken.None).ContinueWith(static _ => { }, TaskScheduler.Default);
        while (!checker.IsDone)
        {
            await Task.WhenAny(done, Task.Delay(s_progressInterval, CancellationToken.None)).ConfigureAwait(false);
            if (checker.IsDone) break;
            periodic(ProgressLine(checker, stopwatch.Elapsed, done: false));
            if (checker.GrowthWarning is { } warning) periodic($"Warning: {warning}.");
        }
        final(ProgressLine(checker, checker.Elapsed, done: true));
        if (checker.Coverage is { } coverage) final(coverage.Describe());

        var verdicts = model.Properties.Select(p => Verdict(checker, p)).ToArray();
        var summary = $"{checker.EngineName}, states={checker.StateCount}, unique={checker.UniqueStateCount}, depth={checker.MaxDepth}";
        return new ModelRunResult(verdicts, checker.Status, checker.Elapsed, summary);
    }

    private static string ProgressLine(Checker<TState, TAction> checker, TimeSpan elapsed, bool done)
    {
        var rate = elapsed.TotalSeconds > 0 ? checker.StateCount / elapsed.TotalSeconds : 0;
        return $"{(done ? "Done" : "Checking")}. states={checker.StateCount}, unique={checker.UniqueStateCount}, depth={checker.MaxDepth}, states/sec={rate:F0}, sec={elapsed.TotalSeconds:F1}{(done ? $", {checker.EngineName}, {checker.Status}" : "")}";
    }

    private PropertyVerdict Verdict(Checker<TState, TAction> checker, Property<TState> property)
    {
        var kind = checker.VerdictOf(property.Name);
        var message = checker.VerdictMessage(property, includeStates: true);
        if (checker.Discovery(property.Name) is not { } path) return new PropertyVerdict(property.Name, property.Expectation, kind, message, null, null);
        var trace = TraceText.Discovery(model, property, path, includeStates: true);
        return new PropertyVerdict(property.Name, property.Expectation, kind, message, trace, model.SequenceDiagram(path));
    }
}
