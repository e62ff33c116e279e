using System.Runtime.InteropServices;

namespace Stateright.Actors;

/// <summary>
/// Collects an actor's outputs during a handler call. Nothing takes effect until the handler returns:
/// then the checker (or the UDP runtime) sends the messages, sets the timers, and so on.
/// </summary>
/// <typeparam name="TMsg">The message type.</typeparam>
public sealed class Out<TMsg>
{
    // Sends, the commands of nearly every step, are kept as structs: the checker reads them from here
    // and a step allocates no command record. The records of Commands are built only for whoever reads it.
    private readonly List<Entry> _entries = [];
    private CommandList? _commands;

    /// <summary>The commands collected so far, in order (a live view: later commands appear in it too).</summary>
    public IReadOnlyList<Command<TMsg>> Commands => _commands ??= new CommandList(_entries);

    /// <summary>The number of commands.</summary>
    public int Count => _entries.Count;

    /// <summary>The commands as the checker reads them, in order, without building a record per send.</summary>
    internal ReadOnlySpan<Entry> Entries => CollectionsMarshal.AsSpan(_entries);

    /// <summary>Sends <paramref name="msg"/> to <paramref name="destination"/>.</summary>
    public void Send(Id destination, TMsg msg) => _entries.Add(new Entry(destination, msg, null));

    /// <summary>Sends <paramref name="msg"/> to each of <paramref name="destinations"/>.</summary>
    public void Broadcast(IEnumerable<Id> destinations, TMsg msg)
    {
        foreach (var destination in destinations) Send(destination, msg);
    }

    /// <summary>Sets (or resets) <paramref name="timer"/> to fire after a random duration in [<paramref name="min"/>, <paramref name="max"/>). The checker ignores durations.</summary>
    public void SetTimer(object timer, TimeSpan min, TimeSpan max)
    {
        ArgumentNullException.ThrowIfNull(timer);
        Add(new Command<TMsg>.SetTimer(timer, min, max));
    }

    /// <summary>Sets (or resets) <paramref name="timer"/> to fire after a duration in <paramref name="range"/>.</summary>
    public void SetTimer(object timer, (TimeSpan Min, TimeSpan Max) range) => SetTimer(timer, range.Min, range.Max);

    /// <summary>Cancels <paramref name="timer"/>.</summary>
    public void CancelTimer(object timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        Add(new Command<TMsg>.CancelTimer(timer));
    }

    /// <summary>
    /// Asks the environment to choose one of <paramref name="choices"/>; the choice arrives later
    /// through <c>OnRandom</c>. A later call with the same <paramref name="key"/> replaces this one.
    /// The checker explores every choice.
    /// </summary>
    public void ChooseRandom<T>(string key, IEnumerable<T> choices) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(key);
        Add(new Command<TMsg>.ChooseRandom(key, choices.Select(c => (object)c).ToArray()));
    }

    /// <summary>Withdraws a pending random choice.</summary>
    public void RemoveRandom(string key) => Add(new Command<TMsg>.ChooseRandom(key, []));

    /// <summary>Saves durable <paramref name="storage"/>, handed back to <c>OnStart</c> after a crash.</summary>
    public void Save(object storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        Add(new Command<TMsg>.Save(storage));
    }

    /// <summary>Appends another collector's commands.</summary>
    public void Append(Out<TMsg> other) => _entries.AddRange(other._entries);

    internal void Clear() => _entries.Clear();

    private void Add(Command<TMsg> command) => _entries.Add(new Entry(default, default!, command));

    /// <inheritdoc/>
    public override string ToString() => $"[{string.Join(", ", Commands)}]";

    /// <summary>A command: a send (<c>Other</c> null) as its destination and message, any other command as its record.</summary>
    internal readonly record struct Entry(Id Destination, TMsg Msg, Command<TMsg>? Other)
    {
        public Command<TMsg> ToCommand() => Other ?? new Command<TMsg>.Send(Destination, Msg);
    }

    /// <summary>The public view of the entries: a send's record is built when it is read.</summary>
    private sealed class CommandList(List<Entry> entries) : IReadOnlyList<Command<TMsg>>
    {
        public Command<TMsg> this[int index] => entries[index].ToCommand();

        public int Count => entries.Count;

        public IEnumerator<Command<TMsg>> GetEnumerator()
        {
            for (var i = 0; i < entries.Count; i++) yield return entries[i].ToCommand();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
