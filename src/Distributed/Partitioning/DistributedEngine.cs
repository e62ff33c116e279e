namespace Stateright.Distributed;

/// <summary>
/// Core's engine base, used for what a partition and the front door share with the one-machine
/// engines: the expander (properties, successors in action-index order, boundary, mutation and
/// determinism checks, fault descriptions), state keys, initial states, and discovery replay. The
/// search itself is the cluster's, so <see cref="Search"/> is never called.
/// </summary>
internal sealed class DistributedEngine<TState, TAction>(CheckerBuilder<TState, TAction> options) : Engine<TState, TAction>(options)
{
    public override string Name => "distributed BFS";

    /// <summary>The run keeps no visited set here: replay cannot ask whether a state was visited.</summary>
    public override long UniqueStateCount => 0;

    protected override EngineResult Search() => throw new NotSupportedException("The distributed search runs on the cluster's partitions.");

    /// <summary>Every initial state within the boundary, with its index among all initial states.</summary>
    public List<(TState State, int Index)> Initial() => InitialStates();

    /// <summary>The key of initial state #<paramref name="index"/>.</summary>
    public ulong InitialKey(TState state, int index) => InitialKeyOf(state, index);
}
