using System.Runtime.CompilerServices;

namespace Stateright;

/// <summary>
/// Replaying a discovery from what a failure printed, without spelling out the model's state and action
/// types: <c>model.ParsePath("0/1/2")</c>, <c>model.PathFromTraceFile("X.verified.txt")</c>.
/// </summary>
public static class ModelPathExtensions
{
    /// <summary>
    /// Rebuilds a path of <paramref name="model"/> from its index path as text, e.g. <c>"0/0/1"</c> (what a
    /// failure, a report or a trace snapshot prints as the index path); see <see cref="Path{TState, TAction}.Parse"/>.
    /// </summary>
    /// <exception cref="FormatException">The text is not a <c>/</c>-separated list of non-negative integers.</exception>
    /// <exception cref="PathReconstructionException">An index does not exist in this model.</exception>
    public static Path<TState, TAction> ParsePath<TState, TAction>(this Model<TState, TAction> model, string indexPath) =>
        Path<TState, TAction>.Parse(model ?? throw new ArgumentNullException(nameof(model)), indexPath);

    /// <summary>
    /// Rebuilds the path a trace file records (a <c>.verified.txt</c> / <c>.received.txt</c> snapshot, or a
    /// trace artifact); see <see cref="Path{TState, TAction}.FromTraceFile"/>. A relative
    /// <paramref name="traceFile"/> is looked for beside the source file that calls this method (where a
    /// test's snapshots are), then in the current directory (a test's output folder, where trace artifacts
    /// are under <c>stateright-traces/</c>).
    /// </summary>
    /// <param name="model">The model the trace was found in.</param>
    /// <param name="traceFile">The trace file: absolute, or relative as described.</param>
    /// <param name="callerFilePath">Filled in by the compiler: the calling source file. Do not pass it.</param>
    /// <exception cref="FileNotFoundException">No such file: the message names every full path tried.</exception>
    /// <exception cref="FormatException">The file has no index path line.</exception>
    /// <exception cref="PathReconstructionException">The path does not replay in this model.</exception>
    public static Path<TState, TAction> PathFromTraceFile<TState, TAction>(this Model<TState, TAction> model, string traceFile, [CallerFilePath] string callerFilePath = "") =>
        Path<TState, TAction>.FromTraceFile(model ?? throw new ArgumentNullException(nameof(model)), TraceFileLocation.Resolve(traceFile, callerFilePath));
}
