namespace Stateright.Actors;

/// <summary>
/// Base class for actors: override <see cref="OnStart(Id, Out{TMsg})"/> and the handlers you need.
/// Handlers come in two styles, chosen per handler: change state through a copy-on-write
/// <see cref="Cow{TState}"/> (<c>void OnMsg(…, ref Cow&lt;TState&gt; state, …)</c>), or return the new
/// state (<c>TState OnMsg(…, TState state, …)</c>; the same instance — for a value type an equal value —
/// means "unchanged"). Overriding both styles of one handler is rejected when the actor is created.
/// Outputs go through <see cref="Out{TMsg}"/>; both the checker and the UDP runtime call the handlers.
/// For timers of one type, derive from <see cref="Actor{TMsg, TState, TTimer}"/> instead.
/// </summary>
/// <typeparam name="TMsg">The message type, typically a closed record hierarchy.</typeparam>
/// <typeparam name="TState">The actor's state, typically an immutable record.</typeparam>
/// <example><code>
/// sealed class ServerActor : Actor&lt;RegisterMsg&lt;ulong, char, Unit&gt;, char&gt;
/// {
///     public override char OnStart(Id id, Out&lt;RegisterMsg&lt;ulong, char, Unit&gt;&gt; o) =&gt; '?';
///     public override void OnMsg(Id id, ref Cow&lt;char&gt; state, Id src, RegisterMsg&lt;ulong, char, Unit&gt; msg, Out&lt;RegisterMsg&lt;ulong, char, Unit&gt;&gt; o)
///     { ... }
/// }
/// </code></example>
public abstract class Actor<TMsg, TState> : IActor<TMsg> where TState : notnull
{
    /// <summary>Checks the actor overrides each handler in one style only.</summary>
    /// <exception cref="InvalidOperationException">A handler is overridden in both styles.</exception>
    protected Actor() => HandlerStyles.Verify(GetType(), typeof(Actor<TMsg, TState>));

    /// <inheritdoc/>
    public virtual string Name => "";

    /// <summary>Creates the initial state (and may send messages or set timers).</summary>
    public abstract TState OnStart(Id id, Out<TMsg> o);

    /// <summary>
    /// Creates the state after a crash, given the storage the actor last saved (null if none).
    /// The default ignores storage and calls <see cref="OnStart(Id, Out{TMsg})"/>.
    /// </summary>
    public virtual TState OnStart(Id id, object? storage, Out<TMsg> o) => OnStart(id, o);

    /// <summary>Handles a message from <paramref name="src"/>. The default calls the state-returning overload.</summary>
    public virtual void OnMsg(Id id, ref Cow<TState> state, Id src, TMsg msg, Out<TMsg> o) =>
        HandlerStyles.Assign(ref state, OnMsg(id, state.Value, src, msg, o));

    /// <summary>Handles a message from <paramref name="src"/>, returning the new state (<paramref name="state"/> itself for "unchanged"). The default changes nothing.</summary>
    public virtual TState OnMsg(Id id, TState state, Id src, TMsg msg, Out<TMsg> o) => state;

    /// <summary>Handles a timer set with <see cref="Out{TMsg}.SetTimer(object, TimeSpan, TimeSpan)"/>. The default calls the state-returning overload.</summary>
    public virtual void OnTimeout(Id id, ref Cow<TState> state, object timer, Out<TMsg> o) =>
        HandlerStyles.Assign(ref state, OnTimeout(id, state.Value, timer, o));

    /// <summary>Handles a timer, returning the new state (<paramref name="state"/> itself for "unchanged"). The default changes nothing.</summary>
    public virtual TState OnTimeout(Id id, TState state, object timer, Out<TMsg> o) => state;

    /// <summary>Handles a choice requested with <see cref="Out{TMsg}.ChooseRandom{T}(string, IEnumerable{T})"/>. The default calls the state-returning overload.</summary>
    public virtual void OnRandom(Id id, ref Cow<TState> state, object random, Out<TMsg> o) =>
        HandlerStyles.Assign(ref state, OnRandom(id, state.Value, random, o));

    /// <summary>Handles a random choice, returning the new state (<paramref name="state"/> itself for "unchanged"). The default changes nothing.</summary>
    public virtual TState OnRandom(Id id, TState state, object random, Out<TMsg> o) => state;

    object IActor<TMsg>.OnStart(Id id, object? storage, Out<TMsg> o) => OnStart(id, storage, o);

    object IActor<TMsg>.OnMsg(Id id, object state, Id src, TMsg msg, Out<TMsg> o, out bool changed)
    {
        var cell = new Cow<TState>((TState)state);
        OnMsg(id, ref cell, src, msg, o);
        return HandlerStyles.Result(cell, state, out changed);
    }

    object IActor<TMsg>.OnTimeout(Id id, object state, object timer, Out<TMsg> o, out bool changed)
    {
        var cell = new Cow<TState>((TState)state);
        OnTimeout(id, ref cell, timer, o);
        return HandlerStyles.Result(cell, state, out changed);
    }

    object IActor<TMsg>.OnRandom(Id id, object state, object random, Out<TMsg> o, out bool changed)
    {
        var cell = new Cow<TState>((TState)state);
        OnRandom(id, ref cell, random, o);
        return HandlerStyles.Result(cell, state, out changed);
    }
}
