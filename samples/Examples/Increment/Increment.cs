using System.Collections.Immutable;

namespace Stateright.Examples;

/// <summary>
/// N threads each read a shared counter into a local variable, then write the local value plus one:
/// a lost update, since two threads can read the same value. Property <c>fin</c> ("the counter equals
/// the number of finished threads") therefore fails. Thread ids are interchangeable, which makes
/// this the Rust library's demonstration of symmetry reduction (13 states for 2 threads, 8 with symmetry).
/// </summary>
public sealed class Increment(int threadCount) : Model<Increment.State, Increment.Action>
{
    /// <summary>The number of threads.</summary>
    public int ThreadCount { get; } = threadCount;

    /// <summary>A thread: its local copy of the counter and its program counter (1 read, 2 write, 3 done).</summary>
    public readonly record struct ProcState(byte Local, byte Pc) : IComparable<ProcState>
    {
        /// <inheritdoc/>
        public int CompareTo(ProcState other) => Local != other.Local ? Local.CompareTo(other.Local) : Pc.CompareTo(other.Pc);

        /// <inheritdoc/>
        public override string ToString() => $"{{t: {Local}, pc: {Pc}}}";
    }

    /// <summary>The shared counter and every thread's state.</summary>
    public sealed record State(byte Shared, ImmutableArray<ProcState> Threads) : IRepresentative<State>
    {
        /// <summary>Threads are interchangeable: sort them.</summary>
        public State Representative() => this with { Threads = [.. Threads.Order()] };

        /// <inheritdoc/>
        public override string ToString() => $"State {{ i: {Shared}, s: [{string.Join(", ", Threads)}] }}";
    }

    /// <summary>A thread's next instruction.</summary>
    public abstract record Action
    {
        /// <summary>Thread <c>Id</c> reads the shared counter.</summary>
        public sealed record Read(int Id) : Action;
        /// <summary>Thread <c>Id</c> writes its local value plus one.</summary>
        public sealed record Write(int Id) : Action;
    }

    /// <inheritdoc/>
    public override IEnumerable<State> InitStates() => [new State(0, [.. Enumerable.Repeat(new ProcState(0, 1), ThreadCount)])];

    /// <inheritdoc/>
    public override void Actions(State state, List<Action> actions)
    {
        for (var id = 0; id < state.Threads.Length; id++)
        {
            switch (state.Threads[id].Pc)
            {
                case 1: actions.Add(new Action.Read(id)); break;
                case 2: actions.Add(new Action.Write(id)); break;
            }
        }
    }

    /// <inheritdoc/>
    public override State NextState(State state, Action action) => action switch
    {
        Action.Read(var id) => state with { Threads = state.Threads.SetItem(id, new ProcState(state.Shared, 2)) },
        Action.Write(var id) => new State((byte)(state.Threads[id].Local + 1), state.Threads.SetItem(id, state.Threads[id] with { Pc = 3 })),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <inheritdoc/>
    protected override IEnumerable<Property<State>> DefineProperties() =>
        [Property<State>.Always("fin", s => s.Threads.Count(t => t.Pc == 3) == s.Shared)];
}
