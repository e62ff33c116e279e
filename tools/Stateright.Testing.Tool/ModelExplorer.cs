using System.Reflection;
using Stateright.Explorer;

namespace Stateright.Testing.Tool;

/// <summary>
/// Serves a model known only as an object (what a model test method returns) in the Explorer, and works out
/// the page's address for a snapshot's or an index path's state.
/// </summary>
internal static class ModelExplorer
{
    /// <summary>A started Explorer and the address of the state to open (its hash is the index path).</summary>
    public sealed record Started(ExplorerServer Server, Uri Page);

    /// <summary>
    /// Starts a BFS checker and the Explorer for <paramref name="model"/>; the page opens at the trace in
    /// <paramref name="snapshotFile"/> (its last state), else at <paramref name="indexPath"/>, else at the initial states.
    /// </summary>
    /// <exception cref="UsageException">The object is not a model.</exception>
    /// <exception cref="FormatException">The path does not parse, or the file holds no trace.</exception>
    /// <exception cref="PathReconstructionException">The path does not replay in the model (it changed since).</exception>
    public static async Task<Started> StartAsync(object model, string? snapshotFile, string? indexPath, ExplorerOptions options, int threads)
    {
        var type = model.GetType();
        while (type is not null && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Model<,>))) type = type.BaseType;
        if (type is null) throw new UsageException($"The method returned a {model.GetType().Name}, which is not a Stateright.Model<TState, TAction>.");
        var start = typeof(ModelExplorer).GetMethod(nameof(Start), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type.GetGenericArguments());
        try
        {
            return await ((Task<Started>)start.Invoke(null, [model, snapshotFile, indexPath, options, threads])!).ConfigureAwait(false);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static async Task<Started> Start<TState, TAction>(Model<TState, TAction> model, string? snapshotFile, string? indexPath, ExplorerOptions options, int threads)
    {
        // Replay the path first: a stale snapshot is reported before anything listens.
        var path = snapshotFile is not null ? Path<TState, TAction>.FromTraceFile(model, snapshotFile)
            : indexPath is not null ? Path<TState, TAction>.Parse(model, indexPath) : null;
        var server = await model.Checker().Threads(threads).StartExplorerAsync(options).ConfigureAwait(false);
        var hash = path is null ? "" : "#/" + path.Encode() + (path.CycleStart is { } k ? "?cycle=" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        return new Started(server, new Uri(server.Address + hash));
    }
}
