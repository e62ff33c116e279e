namespace Stateright.Actors;

/// <summary>
/// The outputs of an actor with typed timers (<see cref="Actor{TMsg, TState, TTimer}"/>): the same
/// commands as <see cref="Out{TMsg}"/>, but timers are set and cancelled as <typeparamref name="TTimer"/>,
/// so setting a timer of another type does not compile. A view of an <see cref="Out{TMsg}"/>: copying it
/// copies no commands.
/// </summary>
/// <typeparam name="TMsg">The message type.</typeparam>
/// <typeparam name="TTimer">The actor's timer type, typically an enum or a closed record hierarchy.</typeparam>
public readonly struct Out<TMsg, TTimer> where TTimer : notnull
{
    /// <summary>A view of <paramref name="untyped"/>: commands added here are added there.</summary>
    public Out(Out<TMsg> untyped) => Untyped = untyped ?? throw new ArgumentNullException(nameof(untyped));

    /// <summary>The collector this view adds to, for helpers written against <see cref="Out{TMsg}"/>.</summary>
    public Out<TMsg> Untyped { get; }

    /// <summary>The commands collected so far, in order.</summary>
    public IReadOnlyList<Command<TMsg>> Commands => Untyped.Commands;

    /// <summary>The number of commands.</summary>
    public int Count => Untyped.Count;

    /// <summary>Sends <paramref name="msg"/> to <paramref name="destination"/>.</summary>
    public void Send(Id destination, TMsg msg) => Untyped.Send(destination, msg);

    /// <summary>Sends <paramref name="msg"/> to each of <paramref name="destinations"/>.</summary>
    public void Broadcast(IEnumerable<Id> destinations, TMsg msg) => Untyped.Broadcast(destinations, msg);

    /// <summary>Sets (or resets) <paramref name="timer"/> to fire after a random duration in [<paramref name="min"/>, <paramref name="max"/>). The checker ignores durations.</summary>
    public void SetTimer(TTimer timer, TimeSpan min, TimeSpan max) => Untyped.SetTimer(timer, min, max);

    /// <summary>Sets (or resets) <paramref name="timer"/> to fire after a duration in <paramref name="range"/>.</summary>
    public void SetTimer(TTimer timer, (TimeSpan Min, TimeSpan Max) range) => Untyped.SetTimer(timer, range);

    /// <summary>Cancels <paramref name="timer"/>.</summary>
    public void CancelTimer(TTimer timer) => Untyped.CancelTimer(timer);

    /// <summary>
    /// Asks the environment to choose one of <paramref name="choices"/>; the choice arrives later
    /// through <c>OnRandom</c>. A later call with the same <paramref name="key"/> replaces this one.
    /// </summary>
    public void ChooseRandom<T>(string key, IEnumerable<T> choices) where T : notnull => Untyped.ChooseRandom(key, choices);

    /// <summary>Withdraws a pending random choice.</summary>
    public void RemoveRandom(string key) => Untyped.RemoveRandom(key);

    /// <summary>Saves durable <paramref name="storage"/>, handed back to <c>OnStart</c> after a crash.</summary>
    public void Save(object storage) => Untyped.Save(storage);

    /// <summary>The untyped collector, for helpers written against <see cref="Out{TMsg}"/> (which do not check timer types).</summary>
    public static implicit operator Out<TMsg>(Out<TMsg, TTimer> o) => o.Untyped;

    /// <inheritdoc/>
    public override string ToString() => Untyped?.ToString() ?? "[]";
}
