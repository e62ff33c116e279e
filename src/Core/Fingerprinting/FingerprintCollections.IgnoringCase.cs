using System.Collections.Immutable;
using static Stateright.FingerprintMath;

namespace Stateright;

/// <summary>
/// Sets and maps whose keys are compared with <see cref="StringComparer.OrdinalIgnoreCase"/>: the same
/// sums as for any set or map, over case-folded keys (<see cref="KeyComparers.OfStringIgnoringCase"/>),
/// so that collections equal under their comparer share a fingerprint. Typed on each collection so that
/// <c>foreach</c> binds to its struct enumerator and allocates nothing.
/// </summary>
internal static partial class FingerprintCollections
{
    private static ulong OfImmutableHashSetIgnoringCase(ImmutableHashSet<string> items)
    {
        ulong sum = 0;
        foreach (var item in items) sum += Mix(KeyComparers.OfStringIgnoringCase(item));
        return Combine(Seed(SetKind, items.Count), sum);
    }

    private static ulong OfImmutableSortedSetIgnoringCase(ImmutableSortedSet<string> items)
    {
        ulong sum = 0;
        foreach (var item in items) sum += Mix(KeyComparers.OfStringIgnoringCase(item));
        return Combine(Seed(SetKind, items.Count), sum);
    }

    private static ulong OfHashSetIgnoringCase(HashSet<string> items)
    {
        ulong sum = 0;
        foreach (var item in items) sum += Mix(KeyComparers.OfStringIgnoringCase(item));
        return Combine(Seed(SetKind, items.Count), sum);
    }

    private static ulong OfImmutableDictionaryIgnoringCase<TValue>(ImmutableDictionary<string, TValue> map)
    {
        ulong sum = 0;
        foreach (var (k, v) in map) sum += Mix(Combine(KeyComparers.OfStringIgnoringCase(k), Fingerprinter<TValue>.Compute(v)));
        return Combine(Seed(MapKind, map.Count), sum);
    }

    private static ulong OfImmutableSortedDictionaryIgnoringCase<TValue>(ImmutableSortedDictionary<string, TValue> map)
    {
        ulong sum = 0;
        foreach (var (k, v) in map) sum += Mix(Combine(KeyComparers.OfStringIgnoringCase(k), Fingerprinter<TValue>.Compute(v)));
        return Combine(Seed(MapKind, map.Count), sum);
    }

    private static ulong OfDictionaryIgnoringCase<TValue>(Dictionary<string, TValue> map)
    {
        ulong sum = 0;
        foreach (var (k, v) in map) sum += Mix(Combine(KeyComparers.OfStringIgnoringCase(k), Fingerprinter<TValue>.Compute(v)));
        return Combine(Seed(MapKind, map.Count), sum);
    }

    /// <summary>Any other set that exposes its comparer (<c>SortedSet</c>, <c>FrozenSet</c>, …): <see cref="OfSet{T}"/> under a comparer the fingerprint follows.</summary>
    public static ulong OfSetWithComparer<T>(IEnumerable<T>? items, object? comparer, Type collectionType)
    {
        if (items is null) return Fingerprint.Null;
        if (!KeyComparers.IgnoresCase<T>(comparer, collectionType)) return OfSet(items);
        ulong sum = 0;
        long n = 0;
        foreach (var item in (IEnumerable<string>)(object)items) { sum += Mix(KeyComparers.OfStringIgnoringCase(item)); n++; }
        return Combine(Seed(SetKind, n), sum);
    }

    /// <summary>Any other map that exposes its key comparer (<c>SortedDictionary</c>, <c>ConcurrentDictionary</c>, …): <see cref="OfMap{TKey, TValue}"/> under a comparer the fingerprint follows.</summary>
    public static ulong OfMapWithComparer<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>>? map, object? comparer, Type collectionType)
    {
        if (map is null) return Fingerprint.Null;
        if (!KeyComparers.IgnoresCase<TKey>(comparer, collectionType)) return OfMap(map);
        ulong sum = 0;
        long n = 0;
        foreach (var (k, v) in (IEnumerable<KeyValuePair<string, TValue>>)(object)map) { sum += Mix(Combine(KeyComparers.OfStringIgnoringCase(k), Fingerprinter<TValue>.Compute(v))); n++; }
        return Combine(Seed(MapKind, n), sum);
    }
}
