namespace Stateright.Actors;

/// <summary>
/// Collects an actor's outputs during a handler call. Nothing takes effect until the handler returns:
/// then the checker (or the UDP runtime) sends the messages, sets the timers, and so on.
/// </summary>
/// <typeparam name="TMsg">The message type.</typeparam>
public sealed class Out<TMsg>
{
    private readonly List<Command<TMsg>> _commands = [];

    /// <summary>The commands collected so far, in order.</summary>
    public IReadOnlyList<Command<TMsg>> Commands => _commands;

    /// <summary>The number of commands.</summary>
    public int Count => _commands.Count;

    /// <summary>Command <paramref name="index"/>, without the enumerator that a loop over <see cref="Commands"/> would box.</summary>
    internal Command<TMsg> CommandAt(int index) => _commands[index];

    /// <summary>Sends <paramref name="msg"/> to <paramref name="destination"/>.</summary>
    public void Send(Id destination, TMsg msg) => _commands.Add(new Command<TMsg>.Send(destination, msg));

    /// <summary>Sends <paramref name="msg"/> to each of <paramref name="destinations"/>.</summary>
    public void Broadcast(IEnumerable<Id> destinations, TMsg msg)
    {
        foreach (var destination in destinations) Send(destination, msg);
    }

    /// <summary>Sets (or resets) <paramref name="timer"/> to fire after a random duration in [<paramref name="min"/>, <paramref name="max"/>). The checker ignores durations.</summary>
    public void SetTimer(object timer, TimeSpan min, TimeSpan max)
    {
        ArgumentNullException.ThrowIfNull(timer);
        _commands.Add(new Command<TMsg>.SetTimer(timer, min, max));
    }

    /// <summary>Sets (or resets) <paramref name="timer"/> to fire after a duration in <paramref name="range"/>.</summary>
    public void SetTimer(object timer, (TimeSpan Min, TimeSpan Max) range) => SetTimer(timer, range.Min, range.Max);

    /// <summary>Cancels <paramref name="timer"/>.</summary>
    public void CancelTimer(object timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        _commands.Add(new Command<TMsg>.CancelTimer(timer));
    }

    /// <summary>
    /// Asks the environment to choose one of <paramref name="choices"/>; the choice arrives later
    /// through <c>OnRandom</c>. A later call with the same <paramref name="key"/> replaces this one.
    /// The checker explores every choice.
    /// </summary>
    public void ChooseRandom<T>(string key, IEnumerable<T> choices) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(key);
        _commands.Add(new Command<TMsg>.ChooseRandom(key, choices.Select(c => (object)c).ToArray()));
    }

    /// <summary>Withdraws a pending random choice.</summary>
    public void RemoveRandom(string key) => _commands.Add(new Command<TMsg>.ChooseRandom(key, []));

    /// <summary>Saves durable <paramref name="storage"/>, handed back to <c>OnStart</c> after a crash.</summary>
    public void Save(object storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _commands.Add(new Command<TMsg>.Save(storage));
    }

    /// <summary>Appends another collector's commands.</summary>
    public void Append(Out<TMsg> other) => _commands.AddRange(other._commands);

    internal void Clear() => _commands.Clear();

    /// <inheritdoc/>
    public override string ToString() => $"[{string.Join(", ", _commands)}]";
}
