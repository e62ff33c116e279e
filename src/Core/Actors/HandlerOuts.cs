namespace Stateright.Actors;

/// <summary>
/// The collectors a thread hands one actor model's handlers, reused call after call: two per actor and
/// handler, taken in turn. So a collector is only ever handed to one actor's one handler (a late write
/// to it names them exactly), and consecutive calls of a handler on a thread get different collectors
/// (one kept from the previous call is closed, and a write to it is refused). Allocated once per thread.
/// </summary>
internal sealed class HandlerOuts<TMsg>
{
    private const int Handlers = 4; // ActorHandler's values
    private readonly OutOwner _owner;
    private readonly Out<TMsg>?[] _outs;
    private readonly bool[] _second;

    private HandlerOuts(OutOwner owner, int actors)
    {
        _owner = owner;
        _outs = new Out<TMsg>?[actors * Handlers * 2];
        _second = new bool[actors * Handlers];
    }

    /// <summary>The thread's collectors for <paramref name="owner"/>'s model of <paramref name="actors"/> actors.</summary>
    public static HandlerOuts<TMsg> For(OutOwner owner, int actors)
    {
        if (HandlerOutsSlot.Value is HandlerOuts<TMsg> outs && ReferenceEquals(outs._owner, owner) && outs._second.Length >= actors * Handlers) return outs;
        HandlerOutsSlot.Value = outs = new HandlerOuts<TMsg>(owner, actors);
        return outs;
    }

    /// <summary>The collector for the next call of <paramref name="handler"/> of <paramref name="actor"/> (opened by the caller).</summary>
    public Out<TMsg> Next(int actor, ActorHandler handler)
    {
        var pair = actor * Handlers + (int)handler;
        var second = _second[pair] = !_second[pair];
        return _outs[pair * 2 + (second ? 1 : 0)] ??= new Out<TMsg>();
    }
}

/// <summary>
/// The thread's <see cref="HandlerOuts{TMsg}"/>, in a non-generic class: a thread static of a generic
/// class shared by reference types is found through a runtime helper on every access, one of a
/// non-generic class directly. A thread that alternates models only replaces it.
/// </summary>
internal static class HandlerOutsSlot
{
    [ThreadStatic] public static object? Value;
}
