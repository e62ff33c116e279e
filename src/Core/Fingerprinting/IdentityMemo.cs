using System.Runtime.CompilerServices;

namespace Stateright;

/// <summary>
/// Fingerprints of immutable tree collections (sets, maps, lists), remembered by the collection's
/// identity. A step usually copies a record and keeps its collections (<c>state with { Ballot = b }</c>
/// shares <c>Accepts</c>), and walking a tree collection costs far more than hashing its handful of
/// elements, so a collection already seen is not walked again.
/// </summary>
/// <remarks>
/// Only for collections whose elements hold no references: such a collection cannot change after it
/// was built, so its fingerprint is a property of the object. (One of mutable objects could, and the
/// checker's detection of states changed in place relies on re-fingerprinting them.) Direct-mapped
/// by the runtime's identity hash and bounded: a replaced entry costs one walk. An entry is one
/// immutable object, so threads may race on a slot and each still reads a whole, correct entry.
/// </remarks>
internal static class IdentityMemo
{
    private const int SlotBits = 12;
    private static readonly Entry?[] s_slots = new Entry?[1 << SlotBits];

    /// <summary>The remembered fingerprint of <paramref name="collection"/>, if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGet(object collection, out ulong fingerprint)
    {
        var entry = Volatile.Read(ref s_slots[SlotOf(collection)]);
        if (entry is not null && ReferenceEquals(entry.Collection, collection))
        {
            fingerprint = entry.Fingerprint;
            return true;
        }
        fingerprint = 0;
        return false;
    }

    /// <summary>Remembers <paramref name="collection"/>'s fingerprint, replacing whatever shared its slot.</summary>
    public static ulong Remember(object collection, ulong fingerprint)
    {
        Volatile.Write(ref s_slots[SlotOf(collection)], new Entry(collection, fingerprint));
        return fingerprint;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(object collection) => RuntimeHelpers.GetHashCode(collection) & ((1 << SlotBits) - 1);

    private sealed class Entry(object collection, ulong fingerprint)
    {
        public readonly object Collection = collection;
        public readonly ulong Fingerprint = fingerprint;
    }
}
