namespace Stateright.Actors;

/// <summary>
/// The thread's successors that the checker dropped unread (see <c>IDeferredParts.Recycle</c>), for
/// <c>ActorModel</c> to make its next successors by a delivery out of, rather than allocate two objects
/// for each of the many it drops: four in five successors of <c>linearizable-register 2</c>.
/// </summary>
/// <remarks>
/// One thread only, so no synchronization: the checker hands back on the thread that generated, and a
/// thread generates one state's successors at a time. Small, because a state has a few dozen
/// successors at most and a dropped one is reused at the next state expanded. In a non-generic class:
/// a thread static of a generic class shared by reference types is found through a runtime helper on
/// every access.
/// </remarks>
internal static class DroppedSuccessors
{
    private const int Capacity = 32;

    [ThreadStatic] private static object? s_pool;

    /// <summary>Keeps <paramref name="state"/> for reuse on this thread (or lets it go when the pool is full).</summary>
    public static void Add<TMsg, THistory>(ActorModelState<TMsg, THistory> state)
    {
        if (s_pool is not Pool<TMsg, THistory> pool) s_pool = pool = new Pool<TMsg, THistory>();
        if (pool.Count < Capacity) pool.Items[pool.Count++] = state;
    }

    /// <summary>A dropped state to reuse, or null.</summary>
    public static ActorModelState<TMsg, THistory>? Take<TMsg, THistory>()
    {
        if (s_pool is not Pool<TMsg, THistory> { Count: > 0 } pool) return null;
        var state = pool.Items[--pool.Count];
        pool.Items[pool.Count] = null;
        return state;
    }

    private sealed class Pool<TMsg, THistory>
    {
        public readonly ActorModelState<TMsg, THistory>?[] Items = new ActorModelState<TMsg, THistory>?[Capacity];
        public int Count;
    }
}
