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
/// by the runtime's identity hash and bounded: a replaced entry costs one walk. Only a collection
/// fingerprinted a second time is kept (see <see cref="Remember"/>). A slot is a struct guarded by a
/// version number (odd while a writer fills it), so remembering allocates nothing (an object per entry
/// lived just long enough to be promoted by the collector, then died). A reader takes an entry only if
/// the version was even and unchanged around its reads; a writer that finds the slot being written
/// skips remembering.
/// </remarks>
internal static class IdentityMemo
{
    private const int SlotBits = 12;
    private static readonly Slot[] s_slots = new Slot[1 << SlotBits];
    private static readonly int[] s_seen = new int[1 << SlotBits]; // the identity hash last fingerprinted in each slot

    /// <summary>The remembered fingerprint of <paramref name="collection"/>, if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGet(object collection, out ulong fingerprint)
    {
        ref var slot = ref s_slots[SlotOf(collection)];
        var version = Volatile.Read(ref slot.Version);
        if ((version & 1) == 0 && ReferenceEquals(Volatile.Read(ref slot.Collection), collection))
        {
            fingerprint = Volatile.Read(ref slot.Fingerprint);
            if (Volatile.Read(ref slot.Version) == version) return true;
        }
        fingerprint = 0;
        return false;
    }

    /// <summary>
    /// Remembers <paramref name="collection"/>'s fingerprint, replacing whatever shared its slot, if
    /// the collection was fingerprinted before; the first time, only notes its identity hash. A slot
    /// keeps its collection alive, and a collection fingerprinted once (a step that builds a new set)
    /// would only be carried into an older generation by the collector for nothing: that cost
    /// linearizable-register, whose steps build new collections, more than the memo saved.
    /// </summary>
    public static ulong Remember(object collection, ulong fingerprint)
    {
        var hash = RuntimeHelpers.GetHashCode(collection);
        var index = hash & ((1 << SlotBits) - 1);
        if (s_seen[index] != hash)
        {
            s_seen[index] = hash; // a race or a collision between hashes only remembers one collection too many or too few
            return fingerprint;
        }
        ref var slot = ref s_slots[index];
        var version = Volatile.Read(ref slot.Version);
        if ((version & 1) != 0 || Interlocked.CompareExchange(ref slot.Version, version + 1, version) != version) return fingerprint;
        slot.Collection = collection;
        slot.Fingerprint = fingerprint;
        Volatile.Write(ref slot.Version, version + 2);
        return fingerprint;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(object collection) => RuntimeHelpers.GetHashCode(collection) & ((1 << SlotBits) - 1);

    private struct Slot
    {
        public int Version;
        public object? Collection;
        public ulong Fingerprint;
    }
}
