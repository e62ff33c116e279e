using System.Threading.Channels;

namespace Stateright.Runtime;

/// <summary>
/// Real timers for an actor host, by key: scheduling a key replaces its previous timer, and each timer
/// carries a generation so that an event which fired just before a reset or cancel is recognised as
/// stale. Used only from the host's handler loop.
/// </summary>
internal sealed class PendingEvents<TKey>(TimeProvider clock, ChannelWriter<HostEvent> events) where TKey : notnull
{
    private readonly Dictionary<TKey, (long Generation, ITimer Timer)> _pending = [];
    private long _nextGeneration;

    /// <summary>Posts <paramref name="create"/>'s event after <paramref name="delay"/>, replacing any pending one for <paramref name="key"/>.</summary>
    public void Schedule(TKey key, TimeSpan delay, Func<long, HostEvent> create)
    {
        Cancel(key);
        var @event = create(++_nextGeneration);
        var timer = clock.CreateTimer(static s => ((Action)s!)(), (Action)(() => events.TryWrite(@event)), delay, Timeout.InfiniteTimeSpan);
        _pending[key] = (_nextGeneration, timer);
    }

    /// <summary>Cancels the pending event for <paramref name="key"/>, if any.</summary>
    public void Cancel(TKey key)
    {
        if (_pending.Remove(key, out var pending)) pending.Timer.Dispose();
    }

    /// <summary>True if <paramref name="generation"/> is <paramref name="key"/>'s pending event, which is then no longer pending.</summary>
    public bool TryTake(TKey key, long generation)
    {
        if (!_pending.TryGetValue(key, out var pending) || pending.Generation != generation) return false;
        _pending.Remove(key);
        pending.Timer.Dispose();
        return true;
    }

    /// <summary>Cancels everything.</summary>
    public void Clear()
    {
        foreach (var (_, timer) in _pending.Values) timer.Dispose();
        _pending.Clear();
    }
}
