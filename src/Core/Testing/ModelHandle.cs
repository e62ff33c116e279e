using System.Diagnostics;

namespace Stateright.Testing;

/// <summary>A model of unknown type arguments, seen through what model tests need: property names and one checker run.</summary>
internal interface IModelHandle
{
    IReadOnlyList<(string Name, Expectation Expectation)> Properties { get; }

    Task<ModelRunResult> RunAsync(ModelTestOptions options, Action<string> progress, CancellationToken cancellationToken);

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
    public IReadOnlyList<(string Name, Expectation Expectation)> Properties { get; } =
        model.Properties.Select(p => (p.Name, p.Expectation)).ToArray();

    public async Task<ModelRunResult> RunAsync(ModelTestOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        var builder = model.Checker().Threads(options.Threads).WithCancellation(cancellationToken);
        if (options.TargetStateCount > 0) builder.TargetStateCount(options.TargetStateCount);
        if (options.TargetMaxDepth > 0) builder.TargetMaxDepth(options.TargetMaxDepth);
        if (options.TimeoutSeconds > 0) builder.Timeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
        if (options.Symmetry)
        {
            if (!typeof(IRepresentative<TState>).IsAssignableFrom(typeof(TState)))
                throw new ModelTestConfigurationException($"Symmetry = true needs the state type '{typeof(TState)}' to implement IRepresentative<{typeof(TState).Name}>.");
            builder.Symmetry(static s => ((IRepresentative<TState>)s!).Representative());
        }
        var checker = options.Engine switch
        {
            CheckEngine.Dfs => builder.SpawnDfs(),
            CheckEngine.Simulation => builder.SpawnSimulation(unchecked((ulong)options.Seed)),
            _ => builder.SpawnBfs(),
        };

        var stopwatch = Stopwatch.StartNew();
        while (!checker.IsDone)
        {
            await Task.WhenAny(checker.JoinAsync(CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default), Task.Delay(1000, CancellationToken.None)).ConfigureAwait(false);
            if (!checker.IsDone) progress(ProgressLine(checker, stopwatch.Elapsed, done: false));
        }
        progress(ProgressLine(checker, checker.Elapsed, done: true));

        var verdicts = model.Properties.Select(p => Verdict(checker, p)).ToArray();
        return new ModelRunResult(verdicts, checker.Status, checker.StateCount, checker.UniqueStateCount, checker.MaxDepth, checker.Elapsed, checker.Error);
    }

    private static string ProgressLine(Checker<TState, TAction> checker, TimeSpan elapsed, bool done)
    {
        var rate = elapsed.TotalSeconds > 0 ? checker.StateCount / elapsed.TotalSeconds : 0;
        return $"{(done ? "Done" : "Checking")}. states={checker.StateCount}, unique={checker.UniqueStateCount}, depth={checker.MaxDepth}, states/sec={rate:F0}{(done ? $", sec={elapsed.TotalSeconds:F1}, {checker.EngineName}, {checker.Status}" : "")}";
    }

    private PropertyVerdict Verdict(Checker<TState, TAction> checker, Property<TState> property)
    {
        // A run the model aborted says nothing reliable about any property.
        if (checker.Error is not null) return new PropertyVerdict(property.Name, property.Expectation, VerdictKind.Error, null, null);
        if (checker.Discoveries.TryGetValue(property.Name, out var path))
        {
            var kind = property.Expectation == Expectation.Sometimes ? VerdictKind.ExampleFound : VerdictKind.Violated;
            return new PropertyVerdict(property.Name, property.Expectation, kind, TraceText.Discovery(model, property, path, includeStates: true), path.Encode());
        }
        if (checker.Status != CheckerStatus.Exhausted) return new PropertyVerdict(property.Name, property.Expectation, VerdictKind.Incomplete, null, null);
        var complete = property.Expectation == Expectation.Sometimes ? VerdictKind.NoExample : VerdictKind.Holds;
        return new PropertyVerdict(property.Name, property.Expectation, complete, null, null);
    }
}
