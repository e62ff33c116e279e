using System.Text;

namespace Stateright.Examples;

/// <summary>
/// <see cref="TwoPhaseCommit"/> with its whole state packed into one 64-bit integer: the same protocol,
/// the same actions in the same order, the same properties, so the same states, counts and discovery
/// paths. It shows what a model's representation costs: a step here is a few bit operations, the
/// state is hashed in one mixing step, and a successor allocates nothing, so what remains of a checked
/// state's cost is the checker's own (the action list, the visited set, the search's bookkeeping).
/// </summary>
/// <remarks>
/// Bit layout, for <c>N</c> resource managers (at most <see cref="MaxResourceManagers"/>): RM <c>i</c>'s
/// state in bits <c>2i</c> and <c>2i+1</c>; the TM's state in the next two bits; then one
/// <c>TmPrepared</c> bit per RM; then one bit per RM for each <c>Prepared(rm)</c> message sent; then the
/// <c>Commit</c> and <c>Abort</c> messages; and <c>N</c> itself in the top four bits, so a state can
/// describe itself in a trace. The enums' values are <see cref="TwoPhaseCommit"/>'s.
/// </remarks>
public sealed class PackedTwoPhaseCommit : Model<PackedTwoPhaseCommit.State, PackedTwoPhaseCommit.Action>
{
    /// <summary>The most resource managers a 64-bit state holds: 4 bits each, 4 for the TM and its two messages, 4 for the count.</summary>
    public const int MaxResourceManagers = 14;

    private readonly Layout _layout;
    private readonly Action[] _tmActions = [new(ActionKind.TmCommit, -1), new(ActionKind.TmAbort, -1)];

    /// <summary>A model of <paramref name="resourceManagerCount"/> resource managers (1 to <see cref="MaxResourceManagers"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count does not fit in a 64-bit state.</exception>
    public PackedTwoPhaseCommit(int resourceManagerCount)
    {
        if (resourceManagerCount is < 1 or > MaxResourceManagers)
            throw new ArgumentOutOfRangeException(nameof(resourceManagerCount), resourceManagerCount, $"A packed state holds 1 to {MaxResourceManagers} resource managers; use TwoPhaseCommit for more.");
        _layout = new Layout(resourceManagerCount);
    }

    /// <summary>The number of resource managers.</summary>
    public int ResourceManagerCount => _layout.Rms;

    /// <summary>The whole system's state, packed (see the class remarks for the layout).</summary>
    public readonly record struct State(ulong Bits)
    {
        /// <summary>The state of RM <paramref name="rm"/>.</summary>
        public TwoPhaseCommit.RmState Rm(int rm) => (TwoPhaseCommit.RmState)((Bits >> (2 * rm)) & 3);

        /// <summary>Decodes the state in <see cref="TwoPhaseCommit.State"/>'s words.</summary>
        public override string ToString()
        {
            var layout = new Layout((int)(Bits >> Layout.CountShift));
            var text = new StringBuilder("State { Rms = [");
            for (var rm = 0; rm < layout.Rms; rm++) text.Append(rm == 0 ? "" : ", ").Append(Rm(rm));
            text.Append("], Tm = ").Append((TwoPhaseCommit.TmState)((Bits >> layout.TmShift) & 3)).Append(", TmPrepared = [");
            for (var rm = 0; rm < layout.Rms; rm++) text.Append(rm == 0 ? "" : ", ").Append((Bits & layout.TmPrepared(rm)) != 0);
            text.Append("], Messages = {");
            var messages = new List<string>();
            for (var rm = 0; rm < layout.Rms; rm++) if ((Bits & layout.PreparedSent(rm)) != 0) messages.Add($"Prepared({rm})");
            if ((Bits & layout.CommitSent) != 0) messages.Add("Commit");
            if ((Bits & layout.AbortSent) != 0) messages.Add("Abort");
            return text.Append(string.Join(", ", messages)).Append("} }").ToString();
        }
    }

    /// <summary>The kinds of action, as <see cref="TwoPhaseCommit.Action"/>'s.</summary>
    public enum ActionKind : byte { TmRcvPrepared, TmCommit, TmAbort, RmPrepare, RmChooseToAbort, RmRcvCommitMsg, RmRcvAbortMsg }

    /// <summary>An action of the TM (<paramref name="Rm"/> is -1, except for <c>TmRcvPrepared</c>) or of one RM. A struct: listing actions allocates nothing.</summary>
    public readonly record struct Action(ActionKind Kind, int Rm)
    {
        /// <inheritdoc/>
        public override string ToString() => Rm < 0 ? Kind.ToString() : $"{Kind}({Rm})";
    }

    /// <summary>Where each field lives in the bits, for a given RM count.</summary>
    private readonly struct Layout(int rms)
    {
        public const int CountShift = 60;
        public readonly int Rms = rms;
        public readonly ulong LowBitOfEachRm = 0x5555_5555_5555_5555UL & ((1UL << (2 * rms)) - 1);
        public int TmShift => 2 * Rms;
        public ulong TmPreparedMask => ((1UL << Rms) - 1) << (2 * Rms + 2);
        public ulong TmPrepared(int rm) => 1UL << (2 * Rms + 2 + rm);
        public ulong PreparedSent(int rm) => 1UL << (3 * Rms + 2 + rm);
        public ulong CommitSent => 1UL << (4 * Rms + 2);
        public ulong AbortSent => 1UL << (4 * Rms + 3);
    }

    /// <inheritdoc/>
    public override IEnumerable<State> InitStates()
    {
        yield return new State((ulong)_layout.Rms << Layout.CountShift); // every field zero: Working, Init, nothing prepared or sent
    }

    /// <inheritdoc/>
    public override void Actions(State state, List<Action> actions)
    {
        var bits = state.Bits;
        var tmInit = ((bits >> _layout.TmShift) & 3) == (ulong)TwoPhaseCommit.TmState.Init;
        if (tmInit && (bits & _layout.TmPreparedMask) == _layout.TmPreparedMask) actions.Add(_tmActions[0]);
        if (tmInit) actions.Add(_tmActions[1]);
        var commitSent = (bits & _layout.CommitSent) != 0;
        var abortSent = (bits & _layout.AbortSent) != 0;
        for (var rm = 0; rm < _layout.Rms; rm++)
        {
            if (tmInit && (bits & _layout.PreparedSent(rm)) != 0) actions.Add(new(ActionKind.TmRcvPrepared, rm));
            if (state.Rm(rm) == TwoPhaseCommit.RmState.Working)
            {
                actions.Add(new(ActionKind.RmPrepare, rm));
                actions.Add(new(ActionKind.RmChooseToAbort, rm));
            }
            if (commitSent) actions.Add(new(ActionKind.RmRcvCommitMsg, rm));
            if (abortSent) actions.Add(new(ActionKind.RmRcvAbortMsg, rm));
        }
    }

    /// <inheritdoc/>
    public override State NextState(State state, Action action) => new(action.Kind switch
    {
        ActionKind.TmRcvPrepared => state.Bits | _layout.TmPrepared(action.Rm),
        ActionKind.TmCommit => WithTm(state.Bits, TwoPhaseCommit.TmState.Committed) | _layout.CommitSent,
        ActionKind.TmAbort => WithTm(state.Bits, TwoPhaseCommit.TmState.Aborted) | _layout.AbortSent,
        ActionKind.RmPrepare => WithRm(state.Bits, action.Rm, TwoPhaseCommit.RmState.Prepared) | _layout.PreparedSent(action.Rm),
        ActionKind.RmChooseToAbort => WithRm(state.Bits, action.Rm, TwoPhaseCommit.RmState.Aborted),
        ActionKind.RmRcvCommitMsg => WithRm(state.Bits, action.Rm, TwoPhaseCommit.RmState.Committed),
        ActionKind.RmRcvAbortMsg => WithRm(state.Bits, action.Rm, TwoPhaseCommit.RmState.Aborted),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action."),
    });

    private ulong WithTm(ulong bits, TwoPhaseCommit.TmState tm) => (bits & ~(3UL << _layout.TmShift)) | ((ulong)tm << _layout.TmShift);

    private static ulong WithRm(ulong bits, int rm, TwoPhaseCommit.RmState value) => (bits & ~(3UL << (2 * rm))) | ((ulong)value << (2 * rm));

    // Per RM, Committed is 0b10 and Aborted 0b11: the high bit says "decided", the low bit which way.
    private ulong Decided(State s) => (s.Bits >> 1) & _layout.LowBitOfEachRm;
    private ulong AbortedRms(State s) => Decided(s) & s.Bits;
    private ulong CommittedRms(State s) => Decided(s) & ~s.Bits;

    /// <inheritdoc/>
    protected override IEnumerable<Property<State>> DefineProperties() =>
    [
        Property<State>.Sometimes("abort agreement", s => AbortedRms(s) == _layout.LowBitOfEachRm),
        Property<State>.Sometimes("commit agreement", s => CommittedRms(s) == _layout.LowBitOfEachRm),
        Property<State>.Always("consistent", s => AbortedRms(s) == 0 || CommittedRms(s) == 0),
    ];
}
