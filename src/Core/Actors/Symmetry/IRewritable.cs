namespace Stateright.Actors;

/// <summary>
/// Implemented by a type that renames the actor ids it holds itself, for symmetry reduction: for a
/// type the automatic rewriting cannot rebuild (a custom collection, a type with a cached
/// fingerprint), or to be faster than it.
/// </summary>
/// <typeparam name="TSelf">The type itself.</typeparam>
/// <example><code>
/// public sealed record Ballot(ulong Round, Id Leader) : IRewritable&lt;Ballot&gt;
/// {
///     public Ballot Rewrite(IdPermutation permutation) =&gt; this with { Leader = permutation.Map(Leader) };
/// }
/// </code></example>
public interface IRewritable<TSelf>
{
    /// <summary>
    /// This value with every id renamed by <paramref name="permutation"/>
    /// (<see cref="IdPermutation.Map(Id)"/> for ids, <see cref="IdPermutation.Rewrite{T}(T)"/> for other members).
    /// </summary>
    TSelf Rewrite(IdPermutation permutation);
}
