namespace Stateright.Actors;

/// <summary>
/// Base class for actors: override <see cref="OnStart(Id, Out{TMsg})"/> and the handlers you need.
/// Handlers change state through a copy-on-write <see cref="Cow{TState}"/> and output through
/// <see cref="Out{TMsg}"/>; both the checker and the UDP runtime call them.
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
    /// <inheritdoc/>
    public virtual string Name => "";

    /// <summary>Creates the initial state (and may send messages or set timers).</summary>
    public abstract TState OnStart(Id id, Out<TMsg> o);

    /// <summary>
    /// Creates the state after a crash, given the storage the actor last saved (null if none).
    /// The default ignores storage and calls <see cref="OnStart(Id, Out{TMsg})"/>.
    /// </summary>
    public virtual TState OnStart(Id id, object? storage, Out<TMsg> o) => OnStart(id, o);

    /// <summary>Handles a message from <paramref name="src"/>.</summary>
    public virtual void OnMsg(Id id, ref Cow<TState> state, Id src, TMsg msg, Out<TMsg> o) { }

    /// <summary>Handles a timer set with <see cref="Out{TMsg}.SetTimer(object, TimeSpan, TimeSpan)"/>.</summary>
    public virtual void OnTimeout(Id id, ref Cow<TState> state, object timer, Out<TMsg> o) { }

    /// <summary>Handles a choice requested with <see cref="Out{TMsg}.ChooseRandom{T}(string, IEnumerable{T})"/>.</summary>
    public virtual void OnRandom(Id id, ref Cow<TState> state, object random, Out<TMsg> o) { }

    object IActor<TMsg>.OnStart(Id id, object? storage, Out<TMsg> o) => OnStart(id, storage, o);

    object IActor<TMsg>.OnMsg(Id id, object state, Id src, TMsg msg, Out<TMsg> o, out bool changed)
    {
        var cell = new Cow<TState>((TState)state);
        OnMsg(id, ref cell, src, msg, o);
        changed = cell.IsChanged;
        return changed ? cell.Value : state;
    }

    object IActor<TMsg>.OnTimeout(Id id, object state, object timer, Out<TMsg> o, out bool changed)
    {
        var cell = new Cow<TState>((TState)state);
        OnTimeout(id, ref cell, timer, o);
        changed = cell.IsChanged;
        return changed ? cell.Value : state;
    }

    object IActor<TMsg>.OnRandom(Id id, object state, object random, Out<TMsg> o, out bool changed)
    {
        var cell = new Cow<TState>((TState)state);
        OnRandom(id, ref cell, random, o);
        changed = cell.IsChanged;
        return changed ? cell.Value : state;
    }
}
