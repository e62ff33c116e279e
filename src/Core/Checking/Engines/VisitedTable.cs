using System.Runtime.CompilerServices;

namespace Stateright;

/// <summary>
/// The set of visited states, stored as fingerprints only, each with the fingerprint of the state it
/// was first reached from (0 for an initial state), so that paths can be rebuilt after the search
/// instead of being carried by every queued state. 16 bytes per entry in open-addressing arrays kept
/// at most 3/4 full: about 21–43 bytes per visited state.
/// </summary>
/// <remarks>
/// The table is split into segments by the fingerprint's top bits. Writers to one segment take its
/// lock (<see cref="TryAdd"/>), or — in the BFS engine's insert phase, where each worker owns the
/// segments <c>i % workers == worker</c> — no lock at all (<see cref="TryAddOwned"/>). Reads while no
/// one writes (the BFS expansion phase) need no lock either.
/// </remarks>
internal sealed class VisitedTable
{
    private const int SegmentBits = 8;
    public const int SegmentCount = 1 << SegmentBits;

    private readonly Segment[] _segments = new Segment[SegmentCount];

    public VisitedTable()
    {
        for (var i = 0; i < SegmentCount; i++) _segments[i] = new Segment();
    }

    /// <summary>The number of entries.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            foreach (var segment in _segments) total += Volatile.Read(ref segment.Count);
            return total;
        }
    }

    /// <summary>Bytes held by the entry arrays.</summary>
    public long AllocatedBytes
    {
        get
        {
            long total = 0;
            foreach (var segment in _segments) total += (long)segment.Keys.Length * 16;
            return total;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SegmentOf(ulong key) => (int)(key >> (64 - SegmentBits));

    /// <summary>Adds the key unless present, under the segment's lock. True if it was added.</summary>
    public bool TryAdd(ulong key, ulong parent)
    {
        var segment = _segments[SegmentOf(key)];
        lock (segment) return segment.TryAdd(key, parent);
    }

    /// <summary>Adds the key unless present, without locking: the caller owns the key's segment.</summary>
    public bool TryAddOwned(ulong key, ulong parent) => _segments[SegmentOf(key)].TryAdd(key, parent);

    /// <summary>True if the key is present. Safe without a lock only while no thread writes.</summary>
    public bool ContainsUnsynchronized(ulong key) => _segments[SegmentOf(key)].TryGet(key, out _);

    /// <summary>Reads the parent of a key under the segment's lock.</summary>
    public bool TryGetParent(ulong key, out ulong parent)
    {
        var segment = _segments[SegmentOf(key)];
        lock (segment) return segment.TryGet(key, out parent);
    }

    private sealed class Segment
    {
        public ulong[] Keys = new ulong[64];
        public ulong[] Parents = new ulong[64];
        public long Count;

        public bool TryGet(ulong key, out ulong parent)
        {
            var keys = Keys;
            var mask = keys.Length - 1;
            for (var i = (int)Mix(key) & mask; ; i = (i + 1) & mask)
            {
                var k = keys[i];
                if (k == key) { parent = Parents[i]; return true; }
                if (k == 0) { parent = 0; return false; }
            }
        }

        public bool TryAdd(ulong key, ulong parent)
        {
            if ((Count + 1) * 4 > Keys.Length * 3) Grow();
            var keys = Keys;
            var mask = keys.Length - 1;
            for (var i = (int)Mix(key) & mask; ; i = (i + 1) & mask)
            {
                var k = keys[i];
                if (k == key) return false;
                if (k != 0) continue;
                keys[i] = key;
                Parents[i] = parent;
                Volatile.Write(ref Count, Count + 1);
                return true;
            }
        }

        private void Grow()
        {
            var oldKeys = Keys;
            var oldParents = Parents;
            var keys = new ulong[oldKeys.Length * 2];
            var parents = new ulong[keys.Length];
            var mask = keys.Length - 1;
            for (var j = 0; j < oldKeys.Length; j++)
            {
                var key = oldKeys[j];
                if (key == 0) continue;
                var i = (int)Mix(key) & mask;
                while (keys[i] != 0) i = (i + 1) & mask;
                keys[i] = key;
                parents[i] = oldParents[j];
            }
            Parents = parents;
            Keys = keys;
        }

        // The top bits chose the segment; the slot uses the low bits, remixed so that fingerprints
        // supplied by IFingerprintable implementations with weak low bits still spread.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Mix(ulong key) => key * 0x9E3779B97F4A7C15UL >> 20;
    }
}
