using System.Runtime.CompilerServices;

namespace Stateright;

/// <summary>
/// The new states of one BFS level, each with the smallest priority (parent position, then action
/// index) that has generated it so far. Parallel workers claim states as they generate them; after the
/// level, a state's winner is the candidate whose priority is the one recorded here, which is what a
/// one-thread run would have kept. Cleared and reused level after level.
/// </summary>
internal sealed class LevelClaims
{
    private const int SegmentBits = 8;
    private readonly Segment[] _segments = new Segment[1 << SegmentBits];

    public LevelClaims()
    {
        for (var i = 0; i < _segments.Length; i++) _segments[i] = new Segment();
    }

    /// <summary>Records <paramref name="priority"/> for the key if it is the smallest so far; true if it is.</summary>
    public bool Claim(ulong key, long priority)
    {
        var segment = _segments[SegmentOf(key)];
        lock (segment) return segment.Claim(key, priority);
    }

    /// <summary>The smallest priority claimed for the key. Only once every claim of the level is in.</summary>
    public long PriorityOf(ulong key) => _segments[SegmentOf(key)].PriorityOf(key);

    /// <summary>Forgets every claim, keeping the arrays for the next level.</summary>
    public void Clear()
    {
        foreach (var segment in _segments) segment.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SegmentOf(ulong key) => (int)(key >> (64 - SegmentBits));

    private sealed class Segment
    {
        private ulong[] _keys = new ulong[16];
        private long[] _priorities = new long[16];
        private int _count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int SlotOf(ulong key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 24) & mask;

        public bool Claim(ulong key, long priority)
        {
            if ((_count + 1) * 4 > _keys.Length * 3) Grow();
            var mask = _keys.Length - 1;
            for (var i = SlotOf(key, mask); ; i = (i + 1) & mask)
            {
                var k = _keys[i];
                if (k == 0)
                {
                    _keys[i] = key;
                    _priorities[i] = priority;
                    _count++;
                    return true;
                }
                if (k != key) continue;
                if (priority >= _priorities[i]) return false;
                _priorities[i] = priority;
                return true;
            }
        }

        public long PriorityOf(ulong key)
        {
            var mask = _keys.Length - 1;
            for (var i = SlotOf(key, mask); ; i = (i + 1) & mask)
            {
                var k = _keys[i];
                if (k == key) return _priorities[i];
                if (k == 0) return long.MaxValue;
            }
        }

        public void Clear()
        {
            if (_count == 0) return;
            Array.Clear(_keys);
            _count = 0;
        }

        private void Grow()
        {
            var (oldKeys, oldPriorities) = (_keys, _priorities);
            _keys = new ulong[oldKeys.Length * 2];
            _priorities = new long[_keys.Length];
            var mask = _keys.Length - 1;
            for (var j = 0; j < oldKeys.Length; j++)
            {
                if (oldKeys[j] == 0) continue;
                var i = SlotOf(oldKeys[j], mask);
                while (_keys[i] != 0) i = (i + 1) & mask;
                _keys[i] = oldKeys[j];
                _priorities[i] = oldPriorities[j];
            }
        }
    }
}
