namespace Stateright.Actors;

/// <summary>
/// A renaming of actors: a permutation of the ids 0..n-1 of a model's actors, applied to a system
/// state for symmetry reduction. Ids outside 0..n-1 are left as they are.
/// </summary>
/// <remarks>
/// <see cref="Rewrite{T}(T)"/> applies the permutation to any value — records, structs, tuples,
/// arrays, immutable collections — by rebuilding it with every <see cref="Id"/> mapped; a type can
/// take over by implementing <see cref="IRewritable{TSelf}"/>.
/// </remarks>
public sealed class IdPermutation
{
    private readonly int[] _newIndexOf;
    private readonly int[] _oldIndexAt;

    private IdPermutation(int[] newIndexOf)
    {
        _newIndexOf = newIndexOf;
        _oldIndexAt = new int[newIndexOf.Length];
        for (var old = 0; old < newIndexOf.Length; old++) _oldIndexAt[newIndexOf[old]] = old;
    }

    /// <summary>
    /// The permutation that renames actor <c>i</c> to <paramref name="newIndexOf"/>[i]; ids from
    /// <paramref name="newIndexOf"/>.Count on are left as they are.
    /// </summary>
    /// <exception cref="ArgumentException">The mapping is not a permutation of 0..n-1.</exception>
    public static IdPermutation FromMapping(IReadOnlyList<int> newIndexOf)
    {
        ArgumentNullException.ThrowIfNull(newIndexOf);
        var seen = new bool[newIndexOf.Count];
        foreach (var i in newIndexOf)
        {
            if (i < 0 || i >= seen.Length || seen[i]) throw new ArgumentException($"[{string.Join(", ", newIndexOf)}] is not a permutation of 0..{seen.Length - 1}.", nameof(newIndexOf));
            seen[i] = true;
        }
        return new IdPermutation([.. newIndexOf]);
    }

    /// <summary>The permutation of <paramref name="count"/> actors that swaps <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static IdPermutation Swap(int count, Id a, Id b)
    {
        var map = Enumerable.Range(0, count).ToArray();
        (map[a.Index], map[b.Index]) = (map[b.Index], map[a.Index]);
        return FromMapping(map);
    }

    /// <summary>The number of actors the permutation renames.</summary>
    public int Count => _newIndexOf.Length;

    /// <summary>Whether the permutation renames no actor.</summary>
    public bool IsIdentity
    {
        get
        {
            for (var i = 0; i < _newIndexOf.Length; i++)
                if (_newIndexOf[i] != i) return false;
            return true;
        }
    }

    /// <summary>The new id of actor <paramref name="id"/>.</summary>
    public Id Map(Id id) => id.Value < (ulong)_newIndexOf.Length ? new Id((ulong)_newIndexOf[(int)id.Value]) : id;

    /// <summary>The index of the actor that moves to <paramref name="newIndex"/>.</summary>
    internal int OldIndexAt(int newIndex) => _oldIndexAt[newIndex];

    /// <summary>
    /// <paramref name="value"/> with every <see cref="Id"/> in it renamed: records, classes, structs and
    /// tuples are rebuilt field by field, collections element by element (sets and maps re-sorted or
    /// re-hashed); values of types that cannot hold an id are returned as they are.
    /// </summary>
    /// <exception cref="UnrewritableTypeException">The value holds ids in a type that cannot be rebuilt.</exception>
    public T Rewrite<T>(T value) => IdRewriter<T>.Rewrite(value, this);

    /// <inheritdoc/>
    public override string ToString() => "{" + string.Join(", ", _newIndexOf.Select((to, from) => (from, to)).Where(p => p.from != p.to).Select(p => $"{p.from} → {p.to}")) + "}";
}
