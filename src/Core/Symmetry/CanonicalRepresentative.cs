namespace Stateright;

/// <summary>
/// Marks a representative function as canonical — every state of a symmetry class gets the same
/// representative — by being the target of the delegate handed to the checker. Only library code that
/// computes exact representatives (actor models' <c>Representative</c>) creates one. The DFS engine
/// runs such a symmetry on several threads: the visited set then holds one key per reachable class
/// whatever the visit order, so counts cannot depend on scheduling.
/// </summary>
internal sealed class CanonicalRepresentative<TState>(Func<TState, TState> representative)
{
    public TState Invoke(TState state) => representative(state);

    public static Func<TState, TState> Of(Func<TState, TState> representative) => new CanonicalRepresentative<TState>(representative).Invoke;

    public static bool IsCanonical(Func<TState, TState>? symmetry) => symmetry?.Target is CanonicalRepresentative<TState>;
}
