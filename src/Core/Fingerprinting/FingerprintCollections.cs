using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static Stateright.FingerprintMath;

namespace Stateright;

/// <summary>
/// Fingerprints of collections. Each helper is typed on the concrete collection so that
/// <c>foreach</c> binds to its struct enumerator and allocates nothing. Sequences are
/// order-sensitive; sets and maps add up per-element hashes so that their order does not matter.
/// </summary>
internal static partial class FingerprintCollections
{
    internal const ulong SequenceKind = 0x5345_5155_454E_4345UL;
    internal const ulong SetKind = 0x5345_5400_0000_0001UL;
    internal const ulong MapKind = 0x4D41_5000_0000_0002UL;

    // ---- ordered ----

    public static ulong OfArray<T>(T[]? items)
    {
        if (items is null) return Fingerprint.Null;
        if (Fingerprinter<T>.IsSimple) return OfSimpleSpan<T>(items);
        var h = Seed(SequenceKind, items.Length);
        foreach (var item in items) h = Combine(h, Fingerprinter<T>.Compute(item));
        return h;
    }

    public static ulong OfImmutableArray<T>(ImmutableArray<T> items)
    {
        if (items.IsDefault) return Fingerprint.Null;
        if (Fingerprinter<T>.IsSimple) return OfSimpleSpan(items.AsSpan());
        var h = Seed(SequenceKind, items.Length);
        foreach (var item in items) h = Combine(h, Fingerprinter<T>.Compute(item));
        return h;
    }

    public static ulong OfList<T>(List<T>? items)
    {
        if (items is null) return Fingerprint.Null;
        if (Fingerprinter<T>.IsSimple) return OfSimpleSpan<T>(CollectionsMarshal.AsSpan(items));
        var h = Seed(SequenceKind, items.Count);
        foreach (var item in items) h = Combine(h, Fingerprinter<T>.Compute(item));
        return h;
    }

    public static ulong OfImmutableList<T>(ImmutableList<T>? items)
    {
        if (items is null) return Fingerprint.Null;
        if (items.IsEmpty) return Seed(SequenceKind, 0); // skips renting an enumerator
        return Memoized(items, static items =>
        {
            var h = Seed(SequenceKind, items.Count);
            foreach (var item in items) h = Combine(h, Fingerprinter<T>.Compute(item));
            return h;
        }, !RuntimeHelpers.IsReferenceOrContainsReferences<T>());
    }

    public static ulong OfImmutableQueue<T>(ImmutableQueue<T>? items)
    {
        if (items is null) return Fingerprint.Null;
        var h = Seed(SequenceKind, 0);
        var n = 0L;
        foreach (var item in items) { h = Combine(h, Fingerprinter<T>.Compute(item)); n++; }
        return Combine(h, (ulong)n);
    }

    public static ulong OfImmutableStack<T>(ImmutableStack<T>? items)
    {
        if (items is null) return Fingerprint.Null;
        var h = Seed(SequenceKind, 0);
        var n = 0L;
        foreach (var item in items) { h = Combine(h, Fingerprinter<T>.Compute(item)); n++; }
        return Combine(h, (ulong)n);
    }

    public static ulong OfSequence<T>(IEnumerable<T>? items)
    {
        if (items is null) return Fingerprint.Null;
        var h = Seed(SequenceKind, 0);
        var n = 0L;
        foreach (var item in items) { h = Combine(h, Fingerprinter<T>.Compute(item)); n++; }
        return Combine(h, (ulong)n);
    }

    /// <summary>
    /// A contiguous run of simple values (integers, chars, bools, enums), hashed as raw little-endian
    /// bytes eight at a time: an array of eight enums costs four combines instead of eight.
    /// </summary>
    private static ulong OfSimpleSpan<T>(ReadOnlySpan<T> items)
    {
        // Only called when T is simple (an unmanaged primitive or enum), so viewing it as bytes is safe.
        ref var start = ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(items));
        var length = items.Length * Unsafe.SizeOf<T>();
        var seeds = SimpleSequenceSeeds<T>.Table;
        var h = (uint)items.Length < (uint)seeds.Length ? seeds[items.Length] : Seed(SequenceKind ^ (ulong)Unsafe.SizeOf<T>(), items.Length);
        var offset = 0;
        for (; offset <= length - 8; offset += 8) h = Combine(h, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, offset)));
        var rest = length - offset;
        if (rest == 0) return h;
        // The last 1–7 bytes as a little-endian number, read without a loop: a loop whose trip count
        // changes from state to state (a message set's size) mispredicts its exit.
        var tail = length >= 8
            ? Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, length - 8)) >> (8 * (8 - rest))
            : ShortTail(ref Unsafe.Add(ref start, offset), rest);
        return Combine(h, tail);
    }

    /// <summary>
    /// <see cref="OfSimpleSpan{T}"/>'s seeds for the short lengths, computed once: the same values, read
    /// from a table instead of mixed on every call (a span's hash is a chain of mixes, and the seed's is the
    /// first link of every small collection in a state).
    /// </summary>
    private static class SimpleSequenceSeeds<T>
    {
        public static readonly ulong[] Table = [.. Enumerable.Range(0, 64).Select(n => Seed(SequenceKind ^ (ulong)Unsafe.SizeOf<T>(), n))];
    }

    /// <summary>Bytes 0 to <paramref name="count"/> - 1 (fewer than 8) as a little-endian number.</summary>
    private static ulong ShortTail(ref byte start, int count)
    {
        ulong value = 0;
        var shift = 0;
        if ((count & 4) != 0)
        {
            value = Unsafe.ReadUnaligned<uint>(ref start);
            shift = 32;
        }
        if ((count & 2) != 0)
        {
            value |= (ulong)Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, shift / 8)) << shift;
            shift += 16;
        }
        if ((count & 1) != 0) value |= (ulong)Unsafe.Add(ref start, shift / 8) << shift;
        return value;
    }

    // ---- unordered: sets ----

    public static ulong OfImmutableHashSet<T>(ImmutableHashSet<T>? items)
    {
        if (items is null) return Fingerprint.Null;
        if (KeyComparers.IgnoresCase<T>(items.KeyComparer, typeof(ImmutableHashSet<T>))) return OfImmutableHashSetIgnoringCase((ImmutableHashSet<string>)(object)items);
        if (items.IsEmpty) return Combine(Seed(SetKind, 0), 0); // skips renting an enumerator
        return Memoized(items, static items =>
        {
            ulong sum = 0;
            foreach (var item in items) sum += Mix(Fingerprinter<T>.Compute(item));
            return Combine(Seed(SetKind, items.Count), sum);
        }, !RuntimeHelpers.IsReferenceOrContainsReferences<T>());
    }

    public static ulong OfImmutableSortedSet<T>(ImmutableSortedSet<T>? items)
    {
        if (items is null) return Fingerprint.Null;
        if (KeyComparers.IgnoresCase<T>(items.KeyComparer, typeof(ImmutableSortedSet<T>))) return OfImmutableSortedSetIgnoringCase((ImmutableSortedSet<string>)(object)items);
        if (items.IsEmpty) return Combine(Seed(SetKind, 0), 0); // skips renting an enumerator
        return Memoized(items, static items =>
        {
            ulong sum = 0;
            foreach (var item in items) sum += Mix(Fingerprinter<T>.Compute(item));
            return Combine(Seed(SetKind, items.Count), sum);
        }, !RuntimeHelpers.IsReferenceOrContainsReferences<T>());
    }

    public static ulong OfHashSet<T>(HashSet<T>? items)
    {
        if (items is null) return Fingerprint.Null;
        if (KeyComparers.IgnoresCase<T>(items.Comparer, typeof(HashSet<T>))) return OfHashSetIgnoringCase((HashSet<string>)(object)items);
        ulong sum = 0;
        foreach (var item in items) sum += Mix(Fingerprinter<T>.Compute(item));
        return Combine(Seed(SetKind, items.Count), sum);
    }

    public static ulong OfSet<T>(IEnumerable<T>? items)
    {
        if (items is null) return Fingerprint.Null;
        ulong sum = 0;
        long n = 0;
        foreach (var item in items) { sum += Mix(Fingerprinter<T>.Compute(item)); n++; }
        return Combine(Seed(SetKind, n), sum);
    }

    // ---- unordered: maps ----

    public static ulong OfImmutableDictionary<TKey, TValue>(ImmutableDictionary<TKey, TValue>? map) where TKey : notnull
    {
        if (map is null) return Fingerprint.Null;
        if (KeyComparers.IgnoresCase<TKey>(map.KeyComparer, typeof(ImmutableDictionary<TKey, TValue>))) return OfImmutableDictionaryIgnoringCase((ImmutableDictionary<string, TValue>)(object)map);
        if (map.IsEmpty) return Combine(Seed(MapKind, 0), 0); // skips renting an enumerator
        return Memoized(map, static map =>
        {
            ulong sum = 0;
            foreach (var (k, v) in map) sum += Mix(Combine(Fingerprinter<TKey>.Compute(k), Fingerprinter<TValue>.Compute(v)));
            return Combine(Seed(MapKind, map.Count), sum);
        }, !RuntimeHelpers.IsReferenceOrContainsReferences<TKey>() && !RuntimeHelpers.IsReferenceOrContainsReferences<TValue>());
    }

    public static ulong OfImmutableSortedDictionary<TKey, TValue>(ImmutableSortedDictionary<TKey, TValue>? map) where TKey : notnull
    {
        if (map is null) return Fingerprint.Null;
        if (KeyComparers.IgnoresCase<TKey>(map.KeyComparer, typeof(ImmutableSortedDictionary<TKey, TValue>))) return OfImmutableSortedDictionaryIgnoringCase((ImmutableSortedDictionary<string, TValue>)(object)map);
        if (map.IsEmpty) return Combine(Seed(MapKind, 0), 0); // skips renting an enumerator
        return Memoized(map, static map =>
        {
            ulong sum = 0;
            foreach (var (k, v) in map) sum += Mix(Combine(Fingerprinter<TKey>.Compute(k), Fingerprinter<TValue>.Compute(v)));
            return Combine(Seed(MapKind, map.Count), sum);
        }, !RuntimeHelpers.IsReferenceOrContainsReferences<TKey>() && !RuntimeHelpers.IsReferenceOrContainsReferences<TValue>());
    }

    public static ulong OfDictionary<TKey, TValue>(Dictionary<TKey, TValue>? map) where TKey : notnull
    {
        if (map is null) return Fingerprint.Null;
        if (KeyComparers.IgnoresCase<TKey>(map.Comparer, typeof(Dictionary<TKey, TValue>))) return OfDictionaryIgnoringCase((Dictionary<string, TValue>)(object)map);
        ulong sum = 0;
        foreach (var (k, v) in map) sum += Mix(Combine(Fingerprinter<TKey>.Compute(k), Fingerprinter<TValue>.Compute(v)));
        return Combine(Seed(MapKind, map.Count), sum);
    }

    public static ulong OfMap<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>>? map)
    {
        if (map is null) return Fingerprint.Null;
        ulong sum = 0;
        long n = 0;
        foreach (var (k, v) in map) { sum += Mix(Combine(Fingerprinter<TKey>.Compute(k), Fingerprinter<TValue>.Compute(v))); n++; }
        return Combine(Seed(MapKind, n), sum);
    }

    /// <summary>
    /// <paramref name="walk"/>'s fingerprint of an immutable tree collection, remembered by identity
    /// (see <see cref="IdentityMemo"/>) when its elements hold no references (<paramref name="immutable"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Memoized<TCollection>(TCollection collection, Func<TCollection, ulong> walk, bool immutable) where TCollection : class
    {
        if (!immutable) return walk(collection);
        return IdentityMemo.TryGet(collection, out var known) ? known : IdentityMemo.Remember(collection, walk(collection));
    }

    // ---- other shapes ----

    public static ulong OfNullable<T>(T? value) where T : struct =>
        value.HasValue ? Combine(0x4E554C4CUL, Fingerprinter<T>.Compute(value.GetValueOrDefault())) : Fingerprint.Null;

    public static ulong OfFingerprintable<T>(T value) where T : IFingerprintable =>
        value is null ? Fingerprint.Null : value.GetFingerprint();
}
