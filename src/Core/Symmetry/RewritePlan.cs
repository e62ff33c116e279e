using System.Collections.Immutable;

namespace Stateright;

/// <summary>
/// A permutation of indices (0..n-1), used to map a state to its symmetry representative: build it by
/// sorting per-process values, then <see cref="Reindex{T}(IReadOnlyList{T})"/> every per-process
/// collection and <see cref="Rewrite(int)"/> every stored process index with the same plan.
/// </summary>
public sealed class RewritePlan
{
    private readonly int[] _newIndexOf;
    private readonly int[] _oldIndexAt;

    private RewritePlan(int[] newIndexOf)
    {
        _newIndexOf = newIndexOf;
        _oldIndexAt = new int[newIndexOf.Length];
        for (var old = 0; old < newIndexOf.Length; old++) _oldIndexAt[newIndexOf[old]] = old;
    }

    /// <summary>The number of indices the plan permutes.</summary>
    public int Count => _newIndexOf.Length;

    /// <summary>
    /// The plan that sorts <paramref name="values"/>: index <c>i</c> moves to the rank of
    /// <c>values[i]</c>. The sort is stable, so equal values keep their relative order.
    /// </summary>
    public static RewritePlan FromValuesToSort<T>(IReadOnlyList<T> values, IComparer<T>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        comparer ??= Comparer<T>.Default;
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i], comparer).ToArray(); // OrderBy is stable
        var newIndexOf = new int[order.Length];
        for (var rank = 0; rank < order.Length; rank++) newIndexOf[order[rank]] = rank;
        return new RewritePlan(newIndexOf);
    }

    /// <summary>A plan from an explicit mapping: <paramref name="newIndexOf"/>[old] = new.</summary>
    /// <exception cref="ArgumentException">The mapping is not a permutation.</exception>
    public static RewritePlan FromMapping(IReadOnlyList<int> newIndexOf)
    {
        var seen = new bool[newIndexOf.Count];
        foreach (var i in newIndexOf)
        {
            if (i < 0 || i >= seen.Length || seen[i]) throw new ArgumentException("The mapping is not a permutation of 0..n-1.", nameof(newIndexOf));
            seen[i] = true;
        }
        return new RewritePlan(newIndexOf.ToArray());
    }

    /// <summary>The new index of process <paramref name="oldIndex"/>.</summary>
    public int Rewrite(int oldIndex) => _newIndexOf[oldIndex];

    /// <summary>Reorders a per-process collection: element <c>i</c> moves to <see cref="Rewrite(int)"/>(i).</summary>
    public ImmutableArray<T> Reindex<T>(IReadOnlyList<T> items) => Reindex(items, static x => x);

    /// <summary>Reorders a per-process collection and rewrites each element (for elements that hold process indices themselves).</summary>
    public ImmutableArray<T> Reindex<T>(IReadOnlyList<T> items, Func<T, T> rewriteElement)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count != Count) throw new ArgumentException($"The plan permutes {Count} indices but the collection has {items.Count} elements.", nameof(items));
        var builder = ImmutableArray.CreateBuilder<T>(items.Count);
        for (var newIndex = 0; newIndex < items.Count; newIndex++) builder.Add(rewriteElement(items[_oldIndexAt[newIndex]]));
        return builder.MoveToImmutable();
    }
}
