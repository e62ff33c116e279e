using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Stateright.Actors;

/// <summary>
/// Collects an actor's outputs during a handler call. Nothing takes effect until the handler returns:
/// then the checker (or the UDP runtime) sends the messages, sets the timers, and so on. A collector
/// handed to a handler accepts writes only while that handler runs, on its thread: a write after it
/// returned (from an <c>async void</c> continuation, a task, a timer callback, or a collector kept in a
/// field) is dropped, and the checker faults the run naming the actor and the handler (the UDP runtime
/// logs it). A collector you create yourself accepts every write.
/// </summary>
/// <typeparam name="TMsg">The message type.</typeparam>
public sealed class Out<TMsg> : IRunningOut
{
    // Sends, the commands of nearly every step, are kept as structs: the checker reads them from here
    // and a step allocates no command record. The records of Commands are built only for whoever reads it.
    private readonly List<Entry> _entries = [];
    private CommandList? _commands;
    // Set once the collector is handed to a handler (null: made by user code, never refused); with the
    // actor and handler it was last handed to, for the message about a late write.
    private OutOwner? _owner;
    private int _actor;
    private ActorHandler _handler;
    // A refused write on this collector's thread while its handler ran, rethrown if the handler swallowed it.
    private Exception? _refusal;

    /// <summary>The commands collected so far, in order (a live view: later commands appear in it too).</summary>
    public IReadOnlyList<Command<TMsg>> Commands => _commands ??= new CommandList(_entries);

    /// <summary>The number of commands.</summary>
    public int Count => _entries.Count;

    /// <summary>The commands as the checker reads them, in order, without building a record per send.</summary>
    internal ReadOnlySpan<Entry> Entries => CollectionsMarshal.AsSpan(_entries);

    /// <summary>Sends <paramref name="msg"/> to <paramref name="destination"/>.</summary>
    public void Send(Id destination, TMsg msg)
    {
        if (Writable || Refuse(destination, msg)) _entries.Add(new Entry(destination, msg, null));
    }

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
    public void Append(Out<TMsg> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Writable || Refuse($"Append of {other.Count} commands")) _entries.AddRange(other._entries);
    }

    internal void Clear() => _entries.Clear();

    /// <summary>
    /// Hands the collector, emptied, to <paramref name="handler"/> of <paramref name="actor"/> on this
    /// thread; returns the collector that was open on the thread before, for <see cref="Close"/>.
    /// </summary>
    internal object? Open(OutOwner owner, int actor, ActorHandler handler)
    {
        _entries.Clear();
        _owner = owner;
        _actor = actor;
        _handler = handler;
        _refusal = null;
        var previous = OutScope.Current;
        OutScope.Current = this;
        return previous;
    }

    /// <summary>The handler returned (or threw): from now on every write is refused.</summary>
    internal void Close(object? previous) => OutScope.Current = previous;

    /// <summary>A write to another, closed collector that the handler made while it ran and then caught: the caller throws it.</summary>
    internal Exception? TakeRefusal()
    {
        var refusal = _refusal;
        if (refusal is not null) _refusal = null;
        return refusal;
    }

    /// <summary>Whether a write on this thread goes in: the collector is open here, or was never handed to a handler.</summary>
    private bool Writable
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ReferenceEquals(OutScope.Current, this) || _owner is null;
    }

    private void Add(Command<TMsg> command)
    {
        if (Writable || Refuse(command)) _entries.Add(new Entry(default, default!, command));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Refuse(Id destination, TMsg msg) => Refuse($"Send to {destination}: {Show(msg)}");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Refuse(Command<TMsg> command) => Refuse(command switch
    {
        Command<TMsg>.SetTimer set => $"SetTimer {Show(set.Timer)}",
        Command<TMsg>.CancelTimer cancel => $"CancelTimer {Show(cancel.Timer)}",
        Command<TMsg>.ChooseRandom { Choices.Count: 0 } random => $"RemoveRandom {Show(random.Key)}",
        Command<TMsg>.ChooseRandom random => $"ChooseRandom {Show(random.Key)}",
        Command<TMsg>.Save => "Save",
        _ => command.GetType().Name,
    });

    /// <summary>
    /// Refuses a write made where the collector is not open: never adds it (returns false), and tells
    /// the owner; throws only into a handler running on this thread, where the caller catches it —
    /// never on a thread nobody watches, where it would take the process down.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Refuse(string write)
    {
        var owner = _owner!;
        var running = OutScope.Current as IRunningOut;
        var actor = SafeDescribe(owner, _actor);
        var message = running is null
            ? $"An Out was written after its handler returned: {actor} wrote ({write}) to the Out of its {_handler} call after that call had returned; the write was dropped. " +
              "An actor's outputs must be written before its handler returns — not from an async continuation, a task, a timer callback or an Out kept for later."
            : $"An Out was written after its handler returned: {actor} wrote ({write}) to the Out of an earlier {_handler} call while {running.DescribeCall()} was running; the write was dropped. " +
              "Write to the Out each handler call is given, before the handler returns; do not keep it for later.";
        bool raise;
        try { raise = owner.Refused(message, _actor, _handler, write, running is not null); }
        catch (Exception) { raise = false; }
        if (!raise) return false;
        var exception = new InvalidOperationException(message);
        running!.RecordRefusal(exception);
        throw exception;
    }

    private static string SafeDescribe(OutOwner owner, int actor)
    {
        try { return owner.DescribeActor(actor); }
        catch (Exception e) { return $"actor {actor} (<its name threw {e.GetType().Name}>)"; }
    }

    private static string Show(object? value)
    {
        try { return value?.ToString() ?? "null"; }
        catch (Exception e) { return $"<ToString threw {e.GetType().Name}>"; }
    }

    string IRunningOut.DescribeCall() => $"{_handler} of {(_owner is { } owner ? SafeDescribe(owner, _actor) : "an actor")}";

    void IRunningOut.RecordRefusal(Exception refusal) => _refusal ??= refusal;

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
