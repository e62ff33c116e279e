using System.Collections.Concurrent;

namespace Stateright.Actors;

/// <summary>
/// One instance per fingerprint of the actor states (or histories) a model's steps build. Equal values
/// reached along different paths are built again and again: a successor that keeps the pooled
/// instance instead holds an object already kept by other states, so a BFS level retains one copy of
/// each distinct value (a Paxos server's record with its immutable sets, a linearizability history)
/// rather than one per state, and the collector has that much less to copy and trace. Values are
/// matched by fingerprint, as the checker identifies states (its visited set holds fingerprints only),
/// where the fingerprint covers the whole value (<see cref="WholeFingerprint"/>); otherwise the pooled
/// value stands in only if it also equals the new one by the type's own equality (a linearizability
/// tester's is its logical history; a record with fields left out of its fingerprint compares them).
/// Bounded as <see cref="Semantics.HistoryMemo{TTester, TResult}"/> is: when full it starts over,
/// which costs only copies that are not shared.
/// </summary>
internal sealed class ValuePool<T> where T : class
{
    private const int Capacity = 1 << 16;
    // Each value with whether its fingerprint covers it, found once when it is pooled.
    private readonly ConcurrentDictionary<ulong, (T Value, bool Whole)> _values = new();
    private int _count;

    /// <summary>The pooled value with <paramref name="fingerprint"/>, or <paramref name="value"/> after pooling it.</summary>
    public T Intern(ulong fingerprint, T value)
    {
        if (_values.TryGetValue(fingerprint, out var pooled))
        {
            var sameType = pooled.Value.GetType() == value.GetType();
            return sameType && (pooled.Whole || value.Equals(pooled.Value)) ? pooled.Value : value;
        }
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _values.Clear();
            Volatile.Write(ref _count, 0);
        }
        _values.TryAdd(fingerprint, (value, WholeFingerprint.Covers(value.GetType())));
        return value; // pooled for the next: a race may have pooled another, which this one need not equal
    }
}
