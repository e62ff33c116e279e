namespace Stateright;

/// <summary>
/// G_P for one <c>Eventually</c> property P: the states reachable from initial ¬P states through ¬P
/// states only, built breadth-first (initial states in order, then actions in index order), so each
/// node's BFS parent gives the shortest, smallest-index stem. A behaviour of the model never meets P
/// exactly when it stays in this graph.
/// </summary>
/// <remarks>
/// States are dropped once expanded: the graph keeps, per node, its fingerprint (in the index), its
/// BFS parent and action, its depth, its out-edges (target, action index, fairness class) and the
/// fairness classes enabled in it. Edges to P states are not kept, but their classes count as
/// enabled, and they make the node non-terminal.
/// </remarks>
internal sealed class LivenessGraph
{
    public readonly Dictionary<ulong, int> Ids = [];
    public readonly List<int> Parent = [];
    public readonly List<int> ParentAction = []; // for roots: the initial-state index
    public readonly List<int> Depth = [];
    public readonly List<int> EdgeStart = []; // per expanded node, then one sentinel
    public readonly List<int> EdgeTarget = [];
    public readonly List<int> EdgeAction = [];
    public readonly List<int> EdgeClass = [];
    public readonly List<int> ClassStart = [];
    public readonly List<int> Classes = []; // the distinct classes enabled in each node, ascending
    public readonly List<bool> Terminal = [];

    public int Count => Parent.Count;

    /// <summary>The out-edges of node <paramref name="v"/>, as positions in the edge lists.</summary>
    public (int Start, int End) Edges(int v) => (EdgeStart[v], EdgeStart[v + 1]);

    /// <summary>True if class <paramref name="k"/> is enabled in node <paramref name="v"/>.</summary>
    public bool Enabled(int v, int k) => Classes.BinarySearch(ClassStart[v], ClassStart[v + 1] - ClassStart[v], k, null) >= 0;

    /// <summary>Adds a node (not yet expanded); returns its id.</summary>
    public int Add(ulong key, int parent, int action, int depth)
    {
        var id = Parent.Count;
        Ids[key] = id;
        Parent.Add(parent);
        ParentAction.Add(action);
        Depth.Add(depth);
        Terminal.Add(false);
        return id;
    }

    /// <summary>The index path from an initial state to node <paramref name="v"/> along BFS parents.</summary>
    public List<int> Stem(int v)
    {
        var indices = new List<int>();
        for (; v >= 0; v = Parent[v]) indices.Add(ParentAction[v]);
        indices.Reverse();
        return indices;
    }

    /// <summary>Approximate bytes held, for documentation and memory checks.</summary>
    public long ApproximateBytes => Count * (24L + 4 * 6 + 1) + EdgeTarget.Count * 12L + Classes.Count * 4L;
}
