using System.Collections.Immutable;

namespace Stateright.Examples;

/// <summary>
/// Two-phase commit after Gray and Lamport's "Consensus on Transaction Commit": a transaction manager
/// (TM) and <c>ResourceManagerCount</c> resource managers (RMs) that each prepare or abort, modelled
/// abstractly (no actors): the network is a set of messages that are never lost.
/// </summary>
/// <remarks>
/// The checker calls <see cref="Actions"/> and <see cref="NextState"/> tens of millions of times for 8
/// or more RMs, so the model keeps them cheap without changing what they compute: the enums are one
/// byte each (an RM array hashes in one step), messages and actions are two-byte values (four messages
/// hash in one step, and an action list holds its actions in place), the state is a struct (a
/// successor allocates only the arrays it changes), and <see cref="Actions"/> searches the message set
/// for <c>Commit</c> and <c>Abort</c> once per state rather than once per RM.
/// </remarks>
public sealed class TwoPhaseCommit(int resourceManagerCount) : Model<TwoPhaseCommit.State, TwoPhaseCommit.Action>
{
    /// <summary>The number of resource managers.</summary>
    public int ResourceManagerCount { get; } = resourceManagerCount;

    /// <summary>A resource manager's state. The order matters: symmetry sorts RMs by it.</summary>
    public enum RmState : byte { Working, Prepared, Committed, Aborted }

    /// <summary>The transaction manager's state.</summary>
    public enum TmState : byte { Init, Committed, Aborted }

    /// <summary>A message: <c>Prepared(rm)</c>, <c>Commit</c> or <c>Abort</c>.</summary>
    /// <remarks>Two bytes (a one-byte kind and a one-byte RM index, -1 for none), so a message set hashes four messages in one step.</remarks>
    public readonly record struct Message(MessageKind Kind, sbyte Rm = -1) : IComparable<Message>
    {
        /// <inheritdoc/>
        /// <remarks>Compares the kinds as integers: <c>Enum.CompareTo</c> takes an object, and boxing on every comparison was most of 2PC's allocation.</remarks>
        public int CompareTo(Message other) => Kind != other.Kind ? ((int)Kind).CompareTo((int)other.Kind) : Rm.CompareTo(other.Rm);

        /// <inheritdoc/>
        public override string ToString() => Kind == MessageKind.Prepared ? $"Prepared({Rm})" : Kind.ToString();
    }

    /// <summary>The kinds of message.</summary>
    public enum MessageKind : byte { Prepared, Commit, Abort }

    /// <summary>The whole system's state.</summary>
    /// <remarks>
    /// The message set is kept as a sorted array rather than an <see cref="ImmutableHashSet{T}"/>:
    /// sets of a handful of elements are faster to search, copy and fingerprint that way, and the
    /// checker spends most of its time on exactly those operations.
    /// </remarks>
    public readonly record struct State(ImmutableArray<RmState> Rms, TmState Tm, ImmutableArray<bool> TmPrepared, ImmutableArray<Message> Messages)
        : IRepresentative<State>
    {
        /// <summary>Sorts the RMs by state, renumbering the RM indices in <c>TmPrepared</c> and the messages to match.</summary>
        public State Representative()
        {
            var plan = RewritePlan.FromValuesToSort(Rms);
            return new State(
                plan.Reindex(Rms),
                Tm,
                plan.Reindex(TmPrepared),
                [.. Messages.Select(m => m.Kind == MessageKind.Prepared ? m with { Rm = (sbyte)plan.Rewrite(m.Rm) } : m).Order()]);
        }

        /// <inheritdoc/>
        public override string ToString() =>
            $"State {{ Rms = [{string.Join(", ", Rms)}], Tm = {Tm}, TmPrepared = [{string.Join(", ", TmPrepared)}], Messages = {{{string.Join(", ", Messages)}}} }}";

        // The span search is generic over the comparable, so it compares Message values directly
        // (ImmutableArray.BinarySearch goes through the default comparer).
        private int IndexOf(Message message) => Messages.AsSpan().BinarySearch<Message, Message>(message);

        /// <summary>True if the message has been sent.</summary>
        public bool HasSent(Message message) => IndexOf(message) >= 0;

        /// <summary>The message set with <paramref name="message"/> added.</summary>
        public ImmutableArray<Message> Send(Message message)
        {
            var index = IndexOf(message);
            return index >= 0 ? Messages : Messages.Insert(~index, message);
        }
    }

    /// <summary>The kinds of action.</summary>
    public enum ActionKind : byte
    {
        /// <summary>The TM receives <c>Prepared</c> from an RM.</summary>
        TmRcvPrepared,
        /// <summary>The TM commits (all RMs prepared).</summary>
        TmCommit,
        /// <summary>The TM aborts.</summary>
        TmAbort,
        /// <summary>An RM prepares.</summary>
        RmPrepare,
        /// <summary>An RM decides to abort.</summary>
        RmChooseToAbort,
        /// <summary>An RM receives <c>Commit</c>.</summary>
        RmRcvCommitMsg,
        /// <summary>An RM receives <c>Abort</c>.</summary>
        RmRcvAbortMsg,
    }

    /// <summary>An action of the TM or of one RM: its kind, and the RM it concerns (-1 for the TM's <c>TmCommit</c> and <c>TmAbort</c>).</summary>
    /// <remarks>
    /// A two-byte value, like the Rust example's enum: the checker lists about ten actions per state,
    /// and a list of values holds them in place, where a list of records would store (and type-check)
    /// a reference for each.
    /// </remarks>
    public readonly record struct Action(ActionKind Kind, sbyte Rm = -1)
    {
        /// <summary>The TM receives <c>Prepared</c> from <paramref name="rm"/>.</summary>
        public static Action TmRcvPrepared(int rm) => new(ActionKind.TmRcvPrepared, checked((sbyte)rm));
        /// <summary>The TM commits (all RMs prepared).</summary>
        public static Action TmCommit => new(ActionKind.TmCommit);
        /// <summary>The TM aborts.</summary>
        public static Action TmAbort => new(ActionKind.TmAbort);
        /// <summary><paramref name="rm"/> prepares.</summary>
        public static Action RmPrepare(int rm) => new(ActionKind.RmPrepare, checked((sbyte)rm));
        /// <summary><paramref name="rm"/> decides to abort.</summary>
        public static Action RmChooseToAbort(int rm) => new(ActionKind.RmChooseToAbort, checked((sbyte)rm));
        /// <summary><paramref name="rm"/> receives <c>Commit</c>.</summary>
        public static Action RmRcvCommitMsg(int rm) => new(ActionKind.RmRcvCommitMsg, checked((sbyte)rm));
        /// <summary><paramref name="rm"/> receives <c>Abort</c>.</summary>
        public static Action RmRcvAbortMsg(int rm) => new(ActionKind.RmRcvAbortMsg, checked((sbyte)rm));

        /// <inheritdoc/>
        public override string ToString() => Rm < 0 ? $"{Kind} {{ }}" : $"{Kind} {{ Rm = {Rm} }}";
    }

    private static readonly Message Commit = new(MessageKind.Commit);
    private static readonly Message Abort = new(MessageKind.Abort);

    /// <summary>The message <c>Prepared(rm)</c>.</summary>
    private static Message Prepared(int rm) => new(MessageKind.Prepared, checked((sbyte)rm));

    /// <inheritdoc/>
    public override IEnumerable<State> InitStates()
    {
        yield return new State(
            ImmutableArray.CreateRange(Enumerable.Repeat(RmState.Working, ResourceManagerCount)),
            TmState.Init,
            ImmutableArray.CreateRange(Enumerable.Repeat(false, ResourceManagerCount)),
            []);
    }

    /// <inheritdoc/>
    public override void Actions(State state, List<Action> actions)
    {
        if (state.Tm == TmState.Init && !state.TmPrepared.Contains(false)) actions.Add(Action.TmCommit);
        if (state.Tm == TmState.Init) actions.Add(Action.TmAbort);
        var commitSent = state.HasSent(Commit);
        var abortSent = state.HasSent(Abort);
        for (var rm = 0; rm < ResourceManagerCount; rm++)
        {
            if (state.Tm == TmState.Init && state.HasSent(Prepared(rm))) actions.Add(Action.TmRcvPrepared(rm));
            if (state.Rms[rm] == RmState.Working) actions.Add(Action.RmPrepare(rm));
            if (state.Rms[rm] == RmState.Working) actions.Add(Action.RmChooseToAbort(rm));
            if (commitSent) actions.Add(Action.RmRcvCommitMsg(rm));
            if (abortSent) actions.Add(Action.RmRcvAbortMsg(rm));
        }
    }

    /// <inheritdoc/>
    public override State NextState(State state, Action action) => action.Kind switch
    {
        ActionKind.TmRcvPrepared => state with { TmPrepared = state.TmPrepared.SetItem(action.Rm, true) },
        ActionKind.TmCommit => state with { Tm = TmState.Committed, Messages = state.Send(Commit) },
        ActionKind.TmAbort => state with { Tm = TmState.Aborted, Messages = state.Send(Abort) },
        ActionKind.RmPrepare => state with { Rms = state.Rms.SetItem(action.Rm, RmState.Prepared), Messages = state.Send(Prepared(action.Rm)) },
        ActionKind.RmChooseToAbort => state with { Rms = state.Rms.SetItem(action.Rm, RmState.Aborted) },
        ActionKind.RmRcvCommitMsg => state with { Rms = state.Rms.SetItem(action.Rm, RmState.Committed) },
        ActionKind.RmRcvAbortMsg => state with { Rms = state.Rms.SetItem(action.Rm, RmState.Aborted) },
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action."),
    };

    /// <inheritdoc/>
    protected override IEnumerable<Property<State>> DefineProperties() =>
    [
        Property<State>.Sometimes("abort agreement", s => s.Rms.All(r => r == RmState.Aborted)),
        Property<State>.Sometimes("commit agreement", s => s.Rms.All(r => r == RmState.Committed)),
        Property<State>.Always("consistent", s => !(s.Rms.Contains(RmState.Aborted) && s.Rms.Contains(RmState.Committed))),
    ];
}
