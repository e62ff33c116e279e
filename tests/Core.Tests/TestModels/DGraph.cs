namespace Stateright.Tests.TestModels;

/// <summary>A directed graph given by paths from initial states (the Rust library's dgraph test model).</summary>
public sealed class DGraph : Model<int, int>
{
    private readonly SortedSet<int> _inits = [];
    private readonly SortedDictionary<int, SortedSet<int>> _edges = [];
    private readonly Property<int>[] _properties;

    public DGraph(params Property<int>[] properties) => _properties = properties;

    public DGraph WithPath(params int[] path)
    {
        _inits.Add(path[0]);
        for (var i = 1; i < path.Length; i++)
        {
            if (!_edges.TryGetValue(path[i - 1], out var targets)) _edges[path[i - 1]] = targets = [];
            targets.Add(path[i]);
        }
        return this;
    }

    public Checker<int, int> Check() => this.Checker().SpawnBfs().Join();

    public override IEnumerable<int> InitStates() => _inits;

    public override void Actions(int state, List<int> actions)
    {
        if (_edges.TryGetValue(state, out var targets)) actions.AddRange(targets);
    }

    public override int NextState(int state, int action) => action;

    protected override IEnumerable<Property<int>> DefineProperties() => _properties;
}
