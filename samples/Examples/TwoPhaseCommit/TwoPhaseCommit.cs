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
/// byte each (an RM array hashes in one step), the state is a struct (a successor allocates only the
/// arrays it changes), the actions are immutable records built once per model
/// and reused, and <see cref="Actions"/> searches the message set for <c>Commit</c> and <c>Abort</c>
/// once per state rather than once per RM.
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
    public readonly record struct Message(MessageKind Kind, int Rm = -1) : IComparable<Message>
    {
        /// <inheritdoc/>
        /// <remarks>Compares the kinds as integers: <c>Enum.CompareTo</c> takes an object, and boxing on every comparison was most of 2PC's allocation.</remarks>
        public int CompareTo(Message other) => Kind != other.Kind ? ((int)Kind).CompareTo((int)other.Kind) : Rm.CompareTo(other.Rm);

        /// <inheritdoc/>
        public override string ToString() => Kind == MessageKind.Prepared ? $"Prepared({Rm})" : Kind.ToString();
    }

    /// <summary>The kinds of message.</summary>
    public enum MessageKind { Prepared, Commit, Abort }

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
                [.. Messages.Select(m => m.Kind == MessageKind.Prepared ? m with { Rm = plan.Rewrite(m.Rm) } : m).Order()]);
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

    /// <summary>An action of the TM or of one RM.</summary>
    public abstract record Action
    {
        /// <summary>The TM receives <c>Prepared</c> from an RM.</summary>
        public sealed record TmRcvPrepared(int Rm) : Action;
        /// <summary>The TM commits (all RMs prepared).</summary>
        public sealed record TmCommit : Action;
        /// <summary>The TM aborts.</summary>
        public sealed record TmAbort : Action;
        /// <summary>An RM prepares.</summary>
        public sealed record RmPrepare(int Rm) : Action;
        /// <summary>An RM decides to abort.</summary>
        public sealed record RmChooseToAbort(int Rm) : Action;
        /// <summary>An RM receives <c>Commit</c>.</summary>
        public sealed record RmRcvCommitMsg(int Rm) : Action;
        /// <summary>An RM receives <c>Abort</c>.</summary>
        public sealed record RmRcvAbortMsg(int Rm) : Action;
    }

    private static readonly Message Commit = new(MessageKind.Commit);
    private static readonly Message Abort = new(MessageKind.Abort);

    // Each action value, built once: records are immutable, so every state can share them.
    private static readonly Action.TmCommit s_tmCommit = new();
    private static readonly Action.TmAbort s_tmAbort = new();
    private readonly RmActions[] _rmActions = [.. Enumerable.Range(0, resourceManagerCount).Select(rm => new RmActions(rm))];

    /// <summary>The actions of one RM (and the TM's receipt of its <c>Prepared</c>).</summary>
    private sealed class RmActions(int rm)
    {
        public readonly Action.TmRcvPrepared TmRcvPrepared = new(rm);
        public readonly Action.RmPrepare Prepare = new(rm);
        public readonly Action.RmChooseToAbort ChooseToAbort = new(rm);
        public readonly Action.RmRcvCommitMsg RcvCommitMsg = new(rm);
        public readonly Action.RmRcvAbortMsg RcvAbortMsg = new(rm);
        public readonly Message Prepared = new(MessageKind.Prepared, rm);
    }

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
        if (state.Tm == TmState.Init && state.TmPrepared.All(p => p)) actions.Add(s_tmCommit);
        if (state.Tm == TmState.Init) actions.Add(s_tmAbort);
        var commitSent = state.HasSent(Commit);
        var abortSent = state.HasSent(Abort);
        for (var rm = 0; rm < ResourceManagerCount; rm++)
        {
            var rmActions = _rmActions[rm];
            if (state.Tm == TmState.Init && state.HasSent(rmActions.Prepared)) actions.Add(rmActions.TmRcvPrepared);
            if (state.Rms[rm] == RmState.Working) actions.Add(rmActions.Prepare);
            if (state.Rms[rm] == RmState.Working) actions.Add(rmActions.ChooseToAbort);
            if (commitSent) actions.Add(rmActions.RcvCommitMsg);
            if (abortSent) actions.Add(rmActions.RcvAbortMsg);
        }
    }

    /// <inheritdoc/>
    public override State NextState(State state, Action action) => action switch
    {
        Action.TmRcvPrepared(var rm) => state with { TmPrepared = state.TmPrepared.SetItem(rm, true) },
        Action.TmCommit => state with { Tm = TmState.Committed, Messages = state.Send(Commit) },
        Action.TmAbort => state with { Tm = TmState.Aborted, Messages = state.Send(Abort) },
        Action.RmPrepare(var rm) => state with { Rms = state.Rms.SetItem(rm, RmState.Prepared), Messages = state.Send(new Message(MessageKind.Prepared, rm)) },
        Action.RmChooseToAbort(var rm) => state with { Rms = state.Rms.SetItem(rm, RmState.Aborted) },
        Action.RmRcvCommitMsg(var rm) => state with { Rms = state.Rms.SetItem(rm, RmState.Committed) },
        Action.RmRcvAbortMsg(var rm) => state with { Rms = state.Rms.SetItem(rm, RmState.Aborted) },
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
