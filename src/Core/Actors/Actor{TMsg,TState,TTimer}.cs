namespace Stateright.Actors;

/// <summary>
/// Base class for actors whose timers are <typeparamref name="TTimer"/> (random choices stay
/// <see cref="object"/>): handlers receive timers typed, and the <see cref="Out{TMsg, TTimer}"/> they
/// output through only sets timers of that type. A timer of another type arriving (set through an
/// untyped <see cref="Out{TMsg}"/>) fails with an error naming the actor and both types.
/// </summary>
/// <typeparam name="TMsg">The message type, typically a closed record hierarchy.</typeparam>
/// <typeparam name="TState">The actor's state, typically an immutable record.</typeparam>
/// <typeparam name="TTimer">The timer type: an enum or a closed record hierarchy (timers are values, fingerprinted and shown in traces).</typeparam>
/// <example><code>
/// enum PingTimer { Ping }
/// sealed class Pinger(Id peer) : Actor&lt;string, int, PingTimer&gt;
/// {
///     public override int OnStart(Id id, Out&lt;string, PingTimer&gt; o) { o.SetTimer(PingTimer.Ping, ModelHelpers.ModelOnlyTimeout()); return 0; }
///     public override int OnTimeout(Id id, int sent, PingTimer timer, Out&lt;string, PingTimer&gt; o) { o.Send(peer, "ping"); return sent + 1; }
/// }
/// </code></example>
public abstract class Actor<TMsg, TState, TTimer> : Actor<TMsg, TState, TTimer, object>
    where TState : notnull
    where TTimer : notnull;
