using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Stateright;

/// <summary>
/// The set of visited states, stored as 64-bit fingerprints only: 8 bytes an entry, in open-addressing
/// arrays that grow by half when 80% full, so a state costs 10–15 bytes (12 on average). Paths are not
/// kept here: BFS keeps a parent position per state in its levels and DFS carries the path it is on.
/// </summary>
/// <remarks>
/// The table is split into <see cref="SegmentCount"/> segments by the fingerprint's top bits, so a
/// growth copies one small segment while the others stay usable, and peak memory never doubles.
/// Insertion is lock-free: a thread claims an empty slot with a compare-and-swap. A growing segment's
/// slots are swapped one by one for a "moved" marker and copied into the new array; a thread that
/// meets the marker waits for that segment's growth to finish and retries in the new array, which
/// holds every key the old one had, so no key is ever added twice.
/// </remarks>
internal sealed class VisitedSet
{
    // 1,024 segments: the per-segment arrays below are read at a random index on every probe and
    // prefetch, so they must stay in the first-level cache (4,096 segments cost 2pc 8 about 9% more
    // CPU), while a segment stays a thousandth of the set, so a growth copies little at a time.
    private const int SegmentBits = 10;
    public const int SegmentCount = 1 << SegmentBits;
    private const int InitialCapacity = 8;

    // 0 marks an empty slot and Moved a slot whose key was copied into a grown array. Fingerprints are
    // never 0; the rare fingerprint equal to Moved is stored as Moved - 1 (a collision of two 64-bit
    // fingerprints, as likely as any other).
    private const ulong Empty = 0;
    private const ulong Moved = ulong.MaxValue;

    // The key arrays are kept in one flat array, not behind the segment objects: a probe loads the
    // array reference and then its slot, one dependent load fewer (about 108 against 135 ns a probe in
    // a 20–30 MB table). A segment object holds only its count, and is its growth's lock.
    private readonly ulong[][] _keys = new ulong[SegmentCount][];
    private readonly Segment[] _segments = new Segment[SegmentCount];

    // Each key array's length, for Prefetch alone: reading an array's own Length touches its header, a
    // cache and TLB miss of its own in a large table (a thousand headers on as many pages), and a prefetch
    // must not wait on a load. May lag a growth; a hint computed from a stale length is only wasted.
    private readonly int[] _lengths = new int[SegmentCount];

    public VisitedSet()
    {
        for (var i = 0; i < SegmentCount; i++)
        {
            _keys[i] = new ulong[InitialCapacity];
            _lengths[i] = InitialCapacity;
            _segments[i] = new Segment();
        }
    }

    /// <summary>The number of keys.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            foreach (var segment in _segments) total += Volatile.Read(ref segment.Count);
            return total;
        }
    }

    /// <summary>Bytes held by the key arrays (what the set costs, apart from a few objects per segment).</summary>
    public long AllocatedBytes
    {
        get
        {
            long total = 0;
            for (var i = 0; i < SegmentCount; i++) total += (long)Volatile.Read(ref _keys[i]).Length * sizeof(ulong);
            return total;
        }
    }

    /// <summary>Adds the key unless present; safe from any number of threads. True if it was added.</summary>
    public bool TryAdd(ulong key)
    {
        key = Normalize(key);
        var segment = SegmentOf(key);
        while (true)
        {
            var keys = Volatile.Read(ref _keys[segment]);
            var i = SlotOf(key, keys.Length);
            while (true)
            {
                var k = Volatile.Read(ref keys[i]);
                if (k == Empty)
                {
                    k = Interlocked.CompareExchange(ref keys[i], key, Empty);
                    if (k == Empty)
                    {
                        var count = Interlocked.Increment(ref _segments[segment].Count);
                        if (count * 5 > keys.Length * 4L) Grow(segment, keys);
                        return true;
                    }
                }
                if (k == key) return false;
                if (k == Moved) break;
                if (++i == keys.Length) i = 0;
            }
            WaitForGrowth(segment, keys);
        }
    }

    /// <summary>True if the key is present.</summary>
    public bool Contains(ulong key)
    {
        key = Normalize(key);
        var segment = SegmentOf(key);
        while (true)
        {
            var keys = Volatile.Read(ref _keys[segment]);
            var i = SlotOf(key, keys.Length);
            while (true)
            {
                var k = Volatile.Read(ref keys[i]);
                if (k == key) return true;
                if (k == Empty) return false;
                if (k == Moved) break;
                if (++i == keys.Length) i = 0;
            }
            WaitForGrowth(segment, keys);
        }
    }

    /// <summary>
    /// Starts loading the slot where <paramref name="key"/> would be probed, and its array's header
    /// (which the lookup reads for the length), without waiting for either: a lookup soon after then
    /// finds both in cache. Only a hint; does nothing where the CPU has no prefetch.
    /// </summary>
    /// <remarks>
    /// Loads nothing but the small, hot <c>_keys</c> and <c>_lengths</c> arrays. The slot's address is
    /// computed without a bounds check: with a stale length it may lie past the array, which a prefetch
    /// tolerates (it never faults), and the hint is only wasted.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong key)
    {
        if (!Sse.IsSupported) return;
        key = Normalize(key);
        var segment = SegmentOf(key);
        // The array's address as a number, read without touching the array: taking a reference into it
        // would null-check its header, the very miss this hint is meant to start, not wait on. A
        // collection may move the array before the prefetch; a stale address is only a wasted hint.
        var header = Unsafe.As<ulong[], nint>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_keys), segment)); // in range: the top bits
        Sse.Prefetch0((void*)(header + s_lengthOffset));
        Sse.Prefetch0((void*)(header + s_dataOffset + (nint)SlotOf(key, Volatile.Read(ref _lengths[segment])) * sizeof(ulong)));
    }

    // Where an array's length and first element lie, in bytes from its object reference; measured
    // once rather than assumed from the runtime's layout.
    private static readonly nint s_dataOffset = DataOffset();
    private static readonly nint s_lengthOffset = s_dataOffset - sizeof(long);

    private static unsafe nint DataOffset()
    {
        var probe = new ulong[1];
        fixed (ulong* data = probe)
        {
            return (nint)data - Unsafe.As<ulong[], nint>(ref probe);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Normalize(ulong key) => key == Moved ? Moved - 1 : key;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SegmentOf(ulong key) => (int)(key >> (64 - SegmentBits));

    // The top bits chose the segment; the slot comes from the remixed key scaled to the array's length
    // (which need not be a power of two), so that fingerprints with weak low bits still spread.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(ulong key, int length) => (int)Math.BigMul(key * 0x9E3779B97F4A7C15UL, (ulong)length, out _);

    /// <summary>Waits until the growth that is replacing <paramref name="keys"/> has published the new array.</summary>
    private void WaitForGrowth(int segment, ulong[] keys)
    {
        // Only a thread holding the segment's lock writes Moved, and it publishes the new array before leaving.
        lock (_segments[segment]) { }
        if (ReferenceEquals(Volatile.Read(ref _keys[segment]), keys)) throw new InvalidOperationException("The visited set met a moved slot in its current array.");
    }

    private void Grow(int segment, ulong[] old)
    {
        lock (_segments[segment])
        {
            if (!ReferenceEquals(_keys[segment], old)) return; // another thread grew it
            var keys = new ulong[checked(old.Length + old.Length / 2)];
            for (var j = 0; j < old.Length; j++)
            {
                var key = Interlocked.Exchange(ref old[j], Moved);
                if (key == Empty) continue;
                var i = SlotOf(key, keys.Length);
                while (keys[i] != Empty) if (++i == keys.Length) i = 0;
                keys[i] = key;
            }
            Volatile.Write(ref _keys[segment], keys);
            Volatile.Write(ref _lengths[segment], keys.Length);
        }
    }

    /// <summary>A segment's key count; the segment's lock while it grows.</summary>
    private sealed class Segment
    {
        public long Count;
    }
}
