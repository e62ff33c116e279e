namespace Stateright.Testing;

/// <summary>The checker engine a model test uses.</summary>
public enum CheckEngine
{
    /// <summary>Breadth-first search: shortest counterexamples (the default; best for snapshots).</summary>
    Bfs,

    /// <summary>Depth-first search: least memory.</summary>
    Dfs,

    /// <summary>Seeded random walks; set a timeout or a target state count.</summary>
    Simulation,
}
