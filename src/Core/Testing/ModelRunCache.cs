using System.Collections.Concurrent;

namespace Stateright.Testing;

/// <summary>
/// One checker run per model method and options, shared by the method's N property test cases: the
/// first case to run starts it, the others await the same task.
/// </summary>
internal static class ModelRunCache
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<ModelRunOutcome>>> s_runs = new();

    /// <summary>How many checker runs have started in this process (for tests of the once-per-method rule).</summary>
    public static int RunsStarted => s_runCount;

    private static int s_runCount;

    /// <summary>The shared run for <paramref name="key"/>, started on first request; <paramref name="run"/> receives the run's number in this process.</summary>
    public static Task<ModelRunOutcome> GetOrRun(string key, Func<int, Task<ModelRunOutcome>> run) =>
        s_runs.GetOrAdd(key, _ => new Lazy<Task<ModelRunOutcome>>(() =>
        {
            var number = Interlocked.Increment(ref s_runCount);
            return Task.Run(() => run(number));
        })).Value;
}

/// <summary>A checker run's result, or why the model could not be built or checked.</summary>
internal sealed record ModelRunOutcome(ModelRunResult? Result, IModelHandle? Model, Exception? Failure);
