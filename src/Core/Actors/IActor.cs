namespace Stateright.Actors;

/// <summary>
/// An actor as the model checker and the UDP runtime see it: state is untyped here so that actors of
/// different classes can share one system. Derive from <see cref="Actor{TMsg, TState}"/> (or, for typed
/// timers and random choices, <see cref="Actor{TMsg, TState, TTimer}"/> or
/// <see cref="Actor{TMsg, TState, TTimer, TRandom}"/>) rather than implementing this directly.
/// </summary>
/// <typeparam name="TMsg">The message type shared by the system.</typeparam>
public interface IActor<TMsg>
{
    /// <summary>A name for diagrams and logs ("" for none).</summary>
    string Name { get; }

    /// <summary>Creates the initial state; <paramref name="storage"/> is what the actor last saved, after a crash.</summary>
    object OnStart(Id id, object? storage, Out<TMsg> o);

    /// <summary>Handles a message. Returns the new state, or the same instance for "unchanged".</summary>
    object OnMsg(Id id, object state, Id src, TMsg msg, Out<TMsg> o, out bool changed);

    /// <summary>Handles a timer.</summary>
    object OnTimeout(Id id, object state, object timer, Out<TMsg> o, out bool changed);

    /// <summary>Handles a random choice.</summary>
    object OnRandom(Id id, object state, object random, Out<TMsg> o, out bool changed);
}
