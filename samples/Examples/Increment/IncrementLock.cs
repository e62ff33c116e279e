using System.Collections.Immutable;

namespace Stateright.Examples;

/// <summary>
/// The <see cref="Increment"/> threads with a lock around the read and the write: the lost update is
/// gone, so <c>fin</c> holds, and <c>mutex</c> checks that at most one thread is inside the lock.
/// Program counters: 0 lock, 1 read, 2 write, 3 release, 4 done.
/// </summary>
public sealed class IncrementLock(int threadCount) : Model<IncrementLock.State, IncrementLock.Action>
{
    /// <summary>The number of threads.</summary>
    public int ThreadCount { get; } = threadCount;

    /// <summary>The shared counter, the lock, and every thread's state.</summary>
    public sealed record State(byte Shared, bool Locked, ImmutableArray<Increment.ProcState> Threads) : IRepresentative<State>
    {
        /// <summary>Threads are interchangeable: sort them.</summary>
        public State Representative() => this with { Threads = [.. Threads.Order()] };

        /// <inheritdoc/>
        public override string ToString() => $"State {{ i: {Shared}, lock: {Locked}, s: [{string.Join(", ", Threads)}] }}";
    }

    /// <summary>A thread's next instruction.</summary>
    public abstract record Action
    {
        /// <summary>Thread <c>Id</c> takes the lock.</summary>
        public sealed record Lock(int Id) : Action;
        /// <summary>Thread <c>Id</c> reads the shared counter.</summary>
        public sealed record Read(int Id) : Action;
        /// <summary>Thread <c>Id</c> writes its local value plus one.</summary>
        public sealed record Write(int Id) : Action;
        /// <summary>Thread <c>Id</c> releases the lock.</summary>
        public sealed record Release(int Id) : Action;
    }

    /// <inheritdoc/>
    public override IEnumerable<State> InitStates() => [new State(0, false, [.. Enumerable.Repeat(new Increment.ProcState(0, 0), ThreadCount)])];

    /// <inheritdoc/>
    public override void Actions(State state, List<Action> actions)
    {
        for (var id = 0; id < state.Threads.Length; id++)
        {
            switch (state.Threads[id].Pc)
            {
                case 0 when !state.Locked: actions.Add(new Action.Lock(id)); break;
                case 1: actions.Add(new Action.Read(id)); break;
                case 2: actions.Add(new Action.Write(id)); break;
                case 3 when state.Locked: actions.Add(new Action.Release(id)); break;
            }
        }
    }

    /// <inheritdoc/>
    public override State NextState(State state, Action action)
    {
        Increment.ProcState Thread(int id) => state.Threads[id];
        return action switch
        {
            Action.Lock(var id) => state with { Locked = true, Threads = state.Threads.SetItem(id, Thread(id) with { Pc = 1 }) },
            Action.Read(var id) => state with { Threads = state.Threads.SetItem(id, new Increment.ProcState(state.Shared, 2)) },
            Action.Write(var id) => state with { Shared = (byte)(Thread(id).Local + 1), Threads = state.Threads.SetItem(id, Thread(id) with { Pc = 3 }) },
            Action.Release(var id) => state with { Locked = false, Threads = state.Threads.SetItem(id, Thread(id) with { Pc = 4 }) },
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    /// <inheritdoc/>
    protected override IEnumerable<Property<State>> DefineProperties() =>
    [
        Property<State>.Always("fin", s => s.Threads.Count(t => t.Pc >= 3) == s.Shared),
        Property<State>.Always("mutex", s => s.Threads.Count(t => t.Pc is >= 1 and < 4) <= 1),
    ];
}
