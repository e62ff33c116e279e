namespace Stateright.Actors;

/// <summary>
/// Base class for actors whose timers are <typeparamref name="TTimer"/> and whose random choices are
/// <typeparamref name="TRandom"/>, as the Rust library's <c>Actor::Timer</c> and <c>Actor::Random</c>:
/// handlers receive them typed, and the <see cref="Out{TMsg, TTimer}"/> they output through only sets
/// timers of that type. Otherwise as <see cref="Actor{TMsg, TState}"/>: two handler styles, chosen per
/// handler (<c>ref Cow</c>, or returning the state), and the checker and the UDP runtime call them alike.
/// Use <see cref="Actor{TMsg, TState, TTimer}"/> when random choices need no type of their own.
/// </summary>
/// <typeparam name="TMsg">The message type, typically a closed record hierarchy.</typeparam>
/// <typeparam name="TState">The actor's state, typically an immutable record.</typeparam>
/// <typeparam name="TTimer">The timer type: an enum or a closed record hierarchy (timers are values, fingerprinted and shown in traces).</typeparam>
/// <typeparam name="TRandom">The type of the random choices, requested with <see cref="Out{TMsg, TTimer}.ChooseRandom{T}(string, IEnumerable{T})"/>.</typeparam>
/// <example><code>
/// enum Vote { Undecided, Prepare, Abort }
/// sealed class Participant : Actor&lt;string, Vote, Unit, Vote&gt;   // no timers: Unit
/// {
///     public override Vote OnStart(Id id, Out&lt;string, Unit&gt; o) { o.ChooseRandom("vote", [Vote.Prepare, Vote.Abort]); return Vote.Undecided; }
///     public override Vote OnRandom(Id id, Vote state, Vote vote, Out&lt;string, Unit&gt; o) =&gt; vote;
/// }
/// </code></example>
public abstract class Actor<TMsg, TState, TTimer, TRandom> : IActor<TMsg>
    where TState : notnull
    where TTimer : notnull
    where TRandom : notnull
{
    /// <summary>Checks the actor overrides each handler in one style only.</summary>
    /// <exception cref="InvalidOperationException">A handler is overridden in both styles.</exception>
    protected Actor() => HandlerStyles.Verify(GetType(), typeof(Actor<TMsg, TState, TTimer, TRandom>));

    /// <inheritdoc/>
    public virtual string Name => "";

    /// <summary>Creates the initial state (and may send messages or set timers).</summary>
    public abstract TState OnStart(Id id, Out<TMsg, TTimer> o);

    /// <summary>
    /// Creates the state after a crash, given the storage the actor last saved (null if none).
    /// The default ignores storage and calls <see cref="OnStart(Id, Out{TMsg, TTimer})"/>.
    /// </summary>
    public virtual TState OnStart(Id id, object? storage, Out<TMsg, TTimer> o) => OnStart(id, o);

    /// <summary>Handles a message from <paramref name="src"/>. The default calls the state-returning overload.</summary>
    public virtual void OnMsg(Id id, ref Cow<TState> state, Id src, TMsg msg, Out<TMsg, TTimer> o) =>
        HandlerStyles.Assign(ref state, OnMsg(id, state.Value, src, msg, o));

    /// <summary>Handles a message from <paramref name="src"/>, returning the new state (<paramref name="state"/> itself for "unchanged"). The default changes nothing.</summary>
    public virtual TState OnMsg(Id id, TState state, Id src, TMsg msg, Out<TMsg, TTimer> o) => state;

    /// <summary>Handles a timer. The default calls the state-returning overload.</summary>
    public virtual void OnTimeout(Id id, ref Cow<TState> state, TTimer timer, Out<TMsg, TTimer> o) =>
        HandlerStyles.Assign(ref state, OnTimeout(id, state.Value, timer, o));

    /// <summary>Handles a timer, returning the new state (<paramref name="state"/> itself for "unchanged"). The default changes nothing.</summary>
    public virtual TState OnTimeout(Id id, TState state, TTimer timer, Out<TMsg, TTimer> o) => state;

    /// <summary>Handles a random choice. The default calls the state-returning overload.</summary>
    public virtual void OnRandom(Id id, ref Cow<TState> state, TRandom random, Out<TMsg, TTimer> o) =>
        HandlerStyles.Assign(ref state, OnRandom(id, state.Value, random, o));

    /// <summary>Handles a random choice, returning the new state (<paramref name="state"/> itself for "unchanged"). The default changes nothing.</summary>
    public virtual TState OnRandom(Id id, TState state, TRandom random, Out<TMsg, TTimer> o) => state;

    object IActor<TMsg>.OnStart(Id id, object? storage, Out<TMsg> o) => OnStart(id, storage, new Out<TMsg, TTimer>(o));

    object IActor<TMsg>.OnMsg(Id id, object state, Id src, TMsg msg, Out<TMsg> o, out bool changed)
    {
        var cell = new Cow<TState>((TState)state);
        OnMsg(id, ref cell, src, msg, new Out<TMsg, TTimer>(o));
        return HandlerStyles.Result(cell, state, out changed);
    }

    object IActor<TMsg>.OnTimeout(Id id, object state, object timer, Out<TMsg> o, out bool changed)
    {
        var typed = timer is TTimer t ? t : throw Foreign(id, "a timer", timer, typeof(TTimer));
        var cell = new Cow<TState>((TState)state);
        OnTimeout(id, ref cell, typed, new Out<TMsg, TTimer>(o));
        return HandlerStyles.Result(cell, state, out changed);
    }

    object IActor<TMsg>.OnRandom(Id id, object state, object random, Out<TMsg> o, out bool changed)
    {
        var typed = random is TRandom r ? r : throw Foreign(id, "a random choice", random, typeof(TRandom));
        var cell = new Cow<TState>((TState)state);
        OnRandom(id, ref cell, typed, new Out<TMsg, TTimer>(o));
        return HandlerStyles.Result(cell, state, out changed);
    }

    /// <summary>
    /// A timer or choice of another type can only come from an untyped <see cref="Out{TMsg}"/> (a helper
    /// given the untyped view); say so here rather than fail with a cast deep inside the checker.
    /// </summary>
    private InvalidOperationException Foreign(Id id, string what, object value, Type expected)
    {
        var actor = Name is { Length: > 0 } name ? $"{name}#{id.Value}" : id.ToString();
        return new InvalidOperationException(
            $"The actor {actor} ({TypeNames.Readable(GetType())}) received {what} of type {TypeNames.Readable(value.GetType())} ({value}), " +
            $"but its {(expected == typeof(TTimer) ? "timers" : "random choices")} are of type {TypeNames.Readable(expected)}. " +
            $"Set timers and choices through the handlers' Out<{TypeNames.Readable(typeof(TMsg))}, {TypeNames.Readable(typeof(TTimer))}>, not an untyped Out<{TypeNames.Readable(typeof(TMsg))}>.");
    }
}
