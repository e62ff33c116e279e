namespace Stateright;

/// <summary>Observes each state the checker evaluates, with the path that reached it.</summary>
/// <remarks>
/// Visitors run on checker threads, possibly concurrently, and rebuilding the path for each visit is
/// costly: use them for tests and diagnostics, not for large runs.
/// </remarks>
public interface ICheckerVisitor<TState, TAction>
{
    /// <summary>Called for each evaluated state.</summary>
    void Visit(Model<TState, TAction> model, Path<TState, TAction> path);
}

/// <summary>A visitor that records the last state of each visited path, in visit order.</summary>
public sealed class StateRecorder<TState, TAction> : ICheckerVisitor<TState, TAction>
{
    private readonly List<TState> _states = [];

    /// <summary>The recorded states.</summary>
    public IReadOnlyList<TState> States { get { lock (_states) return _states.ToArray(); } }

    /// <inheritdoc/>
    public void Visit(Model<TState, TAction> model, Path<TState, TAction> path)
    {
        lock (_states) _states.Add(path.LastState);
    }
}

/// <summary>A visitor that records each visited path, in visit order.</summary>
public sealed class PathRecorder<TState, TAction> : ICheckerVisitor<TState, TAction>
{
    private readonly List<Path<TState, TAction>> _paths = [];

    /// <summary>The recorded paths.</summary>
    public IReadOnlyList<Path<TState, TAction>> Paths { get { lock (_paths) return _paths.ToArray(); } }

    /// <inheritdoc/>
    public void Visit(Model<TState, TAction> model, Path<TState, TAction> path)
    {
        lock (_paths) _paths.Add(path);
    }
}

internal sealed class DelegateVisitor<TState, TAction>(Action<Path<TState, TAction>> visit) : ICheckerVisitor<TState, TAction>
{
    public void Visit(Model<TState, TAction> model, Path<TState, TAction> path) => visit(path);
}
