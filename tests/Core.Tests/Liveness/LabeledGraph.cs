namespace Stateright.Tests.Liveness;

/// <summary>An edge of a <see cref="LabeledGraph"/>: its target and its fairness class (null: not fair).</summary>
public sealed record Edge(int To, string? Fair = null)
{
    public override string ToString() => Fair is null ? $"→{To}" : $"→{To} [{Fair}]";
}

/// <summary>
/// A directed graph on int states whose edges carry fairness classes, with one <c>Eventually</c>
/// property "goal" met in the goal states. Small enough to enumerate independently in tests.
/// </summary>
public sealed class LabeledGraph(IEnumerable<int> inits, IEnumerable<int> goals) : Model<int, Edge>
{
    private readonly int[] _inits = [.. inits];
    private readonly HashSet<int> _goals = [.. goals];
    private readonly SortedDictionary<int, List<Edge>> _edges = [];

    public IReadOnlyList<int> Inits => _inits;
    public bool IsGoal(int state) => _goals.Contains(state);
    public IReadOnlyList<Edge> EdgesOf(int state) => _edges.TryGetValue(state, out var edges) ? edges : [];

    public LabeledGraph With(int from, int to, string? fair = null)
    {
        if (!_edges.TryGetValue(from, out var edges)) _edges[from] = edges = [];
        edges.Add(new Edge(to, fair));
        return this;
    }

    public override IEnumerable<int> InitStates() => _inits;
    public override void Actions(int state, List<Edge> actions) => actions.AddRange(EdgesOf(state));
    public override int NextState(int state, Edge action) => action.To;
    public override object? FairnessClass(int state, Edge action) => action.Fair;
    public override string FairnessDescription => "with weak fairness on labelled edges";
    protected override IEnumerable<Property<int>> DefineProperties() => [Property<int>.Eventually("goal", IsGoal)];
}
