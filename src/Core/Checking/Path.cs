using System.Text;

namespace Stateright;

/// <summary>
/// A behaviour of a model: an initial state followed by actions and the states they lead to. Paths are
/// what the checker reports as examples and counterexamples.
/// </summary>
/// <typeparam name="TState">The model's state type.</typeparam>
/// <typeparam name="TAction">The model's action type.</typeparam>
public sealed class Path<TState, TAction>
{
    private readonly TState[] _states;
    private readonly TAction[] _actions;
    private readonly int[] _indices;

    private Path(TState[] states, TAction[] actions, int[] indices)
    {
        _states = states;
        _actions = actions;
        _indices = indices;
    }

    /// <summary>A path from parts already replayed (see <c>DiscoveryReplay</c>).</summary>
    internal static Path<TState, TAction> Of(TState[] states, TAction[] actions, int[] indices, int? cycleStart) =>
        new(states, actions, indices) { CycleStart = cycleStart };

    /// <summary>The states, from the initial state to the last; one more than <see cref="Actions"/>.</summary>
    public IReadOnlyList<TState> States => _states;

    /// <summary>The actions taken, in order.</summary>
    public IReadOnlyList<TAction> Actions => _actions;

    /// <summary>The initial-state index followed by each action's index among the actions enabled at that step.</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <summary>
    /// For a lasso (an infinite behaviour): the step k after which the cycle starts — the last state is
    /// the state after step k again, and steps k+1…<see cref="Length"/> repeat forever. Null for a
    /// finite path.
    /// </summary>
    public int? CycleStart { get; private init; }

    /// <summary>The last state.</summary>
    public TState LastState => _states[^1];

    /// <summary>The number of actions.</summary>
    public int Length => _actions.Length;

    /// <summary>The steps: each action paired with the state it was taken in and the state it led to.</summary>
    public IEnumerable<(TState Before, TAction Action, TState After)> Steps()
    {
        for (var i = 0; i < _actions.Length; i++) yield return (_states[i], _actions[i], _states[i + 1]);
    }

    /// <summary>The index path, e.g. <c>0/2/1</c>: the initial-state index, then each action's index.</summary>
    public string Encode() => string.Join('/', _indices);

    /// <summary>
    /// Rebuilds a path from an index path (see <see cref="Encode"/>).
    /// </summary>
    /// <exception cref="PathReconstructionException">An index does not exist: the model is not deterministic, or the path belongs to another model.</exception>
    public static Path<TState, TAction> FromIndices(Model<TState, TAction> model, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (indices.Count == 0) throw new ArgumentException("An index path needs at least the initial-state index.", nameof(indices));
        var inits = model.InitStates().ToList();
        if (indices[0] < 0 || indices[0] >= inits.Count)
            throw new PathReconstructionException(
                $"No initial state has index {indices[0]} (the model has {inits.Count}). {PathReconstructionException.NondeterminismHint}");
        var states = new List<TState> { inits[indices[0]] };
        var actions = new List<TAction>();
        var enabled = new List<TAction>();
        for (var step = 1; step < indices.Count; step++)
        {
            enabled.Clear();
            model.Actions(states[^1], enabled);
            var index = indices[step];
            if (index < 0 || index >= enabled.Count)
                throw new PathReconstructionException(
                    $"Step {step} of path {string.Join('/', indices)} names action index {index}, but only {enabled.Count} actions are enabled there. {PathReconstructionException.NondeterminismHint}");
            var action = enabled[index];
            actions.Add(action);
            states.Add(model.TryNextState(states[^1], action, out var next) ? next : states[^1]);
        }
        return new Path<TState, TAction>([.. states], [.. actions], [.. indices]);
    }

    /// <summary>
    /// Rebuilds a lasso from an index path and the step its cycle starts after (see <see cref="CycleStart"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycleStart"/> is not a step before the last.</exception>
    public static Path<TState, TAction> FromIndices(Model<TState, TAction> model, IReadOnlyList<int> indices, int? cycleStart)
    {
        var path = FromIndices(model, indices);
        if (cycleStart is not { } k) return path;
        if (k < 0 || k >= path.Length) throw new ArgumentOutOfRangeException(nameof(cycleStart), k, $"A cycle must start before the last of the path's {path.Length} steps.");
        return new Path<TState, TAction>(path._states, path._actions, path._indices) { CycleStart = k };
    }

    /// <summary>
    /// Rebuilds a path from its index path as text, e.g. <c>"0/0/1"</c> (what <see cref="Encode"/>,
    /// reports and trace snapshots print as "Index path"), to step through a counterexample.
    /// </summary>
    /// <exception cref="FormatException">The text is not a <c>/</c>-separated list of non-negative integers.</exception>
    /// <exception cref="PathReconstructionException">An index does not exist in this model.</exception>
    public static Path<TState, TAction> Parse(Model<TState, TAction> model, string indexPath)
    {
        ArgumentNullException.ThrowIfNull(indexPath);
        var parts = indexPath.Trim().Split('/');
        var indices = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out indices[i]))
                throw new FormatException($"\"{indexPath}\" is not an index path: expected non-negative integers separated by '/', like \"0/2/1\" (part {i + 1} is \"{parts[i]}\").");
        return FromIndices(model, indices);
    }

    /// <summary>
    /// Rebuilds the path a trace file records (a <c>.verified.txt</c> / <c>.received.txt</c> snapshot or
    /// a trace artifact), from its <c>Index path:</c> line (and, for a lasso, its <c>Cycle starts after step:</c> line).
    /// </summary>
    /// <remarks>
    /// A relative <paramref name="traceFile"/> is resolved against the current directory (in a test, its output
    /// folder); <see cref="ModelPathExtensions.PathFromTraceFile"/> looks beside the calling source file first.
    /// </remarks>
    /// <exception cref="FileNotFoundException">No such file: the message names the full path tried.</exception>
    /// <exception cref="FormatException">The file has no index path line.</exception>
    public static Path<TState, TAction> FromTraceFile(Model<TState, TAction> model, string traceFile)
    {
        const string marker = "Index path:";
        var lines = File.ReadLines(TraceFileLocation.Resolve(traceFile, callerFilePath: null)).ToList();
        var line = lines.LastOrDefault(l => l.StartsWith(marker, StringComparison.Ordinal))
            ?? throw new FormatException($"{traceFile} has no \"{marker}\" line: it is not a Stateright trace.");
        var path = Parse(model, line[marker.Length..]);
        var cycle = lines.LastOrDefault(l => l.StartsWith(TraceText.CycleMarker, StringComparison.Ordinal));
        if (cycle is null) return path;
        var digits = new string(cycle[TraceText.CycleMarker.Length..].TrimStart().TakeWhile(char.IsAsciiDigit).ToArray());
        return FromIndices(model, path.Indices, int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Builds the path that starts at <paramref name="initState"/> and takes <paramref name="actions"/>,
    /// or returns null if the state is not initial or an action is not enabled (or changes nothing)
    /// where it is taken. States and actions are matched by fingerprint.
    /// </summary>
    public static Path<TState, TAction>? FromActions(Model<TState, TAction> model, TState initState, IEnumerable<TAction> actions)
    {
        ArgumentNullException.ThrowIfNull(model);
        var initFingerprint = Fingerprint.Of(initState);
        var initIndex = model.InitStates().Select(Fingerprint.Of).ToList().IndexOf(initFingerprint);
        if (initIndex < 0) return null;
        var states = new List<TState> { initState };
        var taken = new List<TAction>();
        var indices = new List<int> { initIndex };
        var enabled = new List<TAction>();
        foreach (var wanted in actions)
        {
            var wantedFingerprint = Fingerprint.Of(wanted);
            enabled.Clear();
            model.Actions(states[^1], enabled);
            var found = false;
            for (var i = 0; i < enabled.Count && !found; i++)
            {
                if (Fingerprint.Of(enabled[i]) != wantedFingerprint) continue;
                if (!model.TryNextState(states[^1], enabled[i], out var next)) continue;
                taken.Add(enabled[i]);
                states.Add(next);
                indices.Add(i);
                found = true;
            }
            if (!found) return null;
        }
        return new Path<TState, TAction>([.. states], [.. taken], [.. indices]);
    }

    /// <summary>Renders the path as the Rust library's reporter does: <c>Path[n]:</c> then one <c>- action</c> line per step.</summary>
    public string ToString(Model<TState, TAction> model)
    {
        var sb = new StringBuilder();
        sb.Append("Path[").Append(Length).Append("]:\n");
        foreach (var action in _actions) sb.Append("- ").Append(TraceText.Action(model, action)).Append('\n');
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("Path[").Append(Length).Append("]:\n");
        foreach (var action in _actions) sb.Append("- ").Append(action).Append('\n');
        return sb.ToString();
    }
}

/// <summary>Thrown when a path cannot be rebuilt from its indices, which means the model is not deterministic.</summary>
public sealed class PathReconstructionException : Exception
{
    internal const string NondeterminismHint =
        "This happens when InitStates, Actions or NextState return different results for the same input: " +
        "the model reads external state (files, clocks, random numbers, statics) or iterates a collection " +
        "whose order varies between runs, such as a HashSet<string> or Dictionary<string, T>; " +
        "or a method changes the state it is given in place instead of returning a new one " +
        "(CheckerBuilder.DetectInPlaceMutation() finds where).";

    /// <summary>Creates the exception.</summary>
    public PathReconstructionException(string message) : base(message) { }
}
