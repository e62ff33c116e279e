using System.Runtime.CompilerServices;

namespace Stateright;

/// <summary>Receives the successors of a state from <see cref="Expander{TState, TAction}.Successors"/>.</summary>
/// <remarks>Engines implement it as a struct, so the call is direct and allocates nothing.</remarks>
internal interface ISuccessorSink<TState>
{
    /// <summary>
    /// Told each successor's key as soon as it is known, before any <see cref="Accept"/> of the state:
    /// a sink that will look the key up in a large table starts loading its slot here.
    /// </summary>
    void Prefetch(ulong key);

    /// <summary>One successor within the boundary: the index of the action that leads to it, the state, and its key.</summary>
    void Accept(int actionIndex, TState next, ulong key);
}

/// <summary>
/// The one expansion step every engine and replay shares: checking a state's properties, listing its
/// actions, and generating the successors that lie within the boundary, in action-index order, with
/// their keys; guarding against states changed in place; and naming the model callback that threw.
/// BFS, DFS and simulation differ only in their frontier, so they agree on what a step is, on the
/// boundary and on the depth limit. Reductions that choose which successors to explore (partial-order
/// reduction) or observe every edge (cycle detection for liveness) belong in <see cref="Successors"/>.
/// </summary>
internal sealed class Expander<TState, TAction>(Engine<TState, TAction> engine)
{
    private readonly Model<TState, TAction> _model = engine.Model;
    private readonly Property<TState>[] _properties = engine.Properties;
    private readonly CoverageTracker<TAction>? _coverage = engine.Coverage;

    /// <summary>A worker's reusable buffers, and what it was doing (for fault messages).</summary>
    public sealed class Scratch
    {
        public readonly List<TAction> Actions = [];
        public readonly List<TAction> ActionsAgain = []; // the determinism check's second listing
        public readonly List<int> Found = [];
        public Successor[] Successors = new Successor[16];
        public Step Step;
        public int ActionIndex = -1;
        public bool CheckMutation;
    }

    /// <summary>
    /// Starts work on a queued state: decides whether to check it for in-place mutation and checks that
    /// it was not changed since it was queued.
    /// </summary>
    public void Begin(TState state, ulong key, Scratch scratch)
    {
        scratch.Step = Step.Visiting;
        scratch.ActionIndex = -1;
        scratch.CheckMutation = engine.ShouldCheckMutation();
        if (scratch.CheckMutation && engine.Changed(state, key)) throw engine.Mutated(Engine<TState, TAction>.MutatedWhileQueued);
    }

    /// <summary>
    /// Checks the properties not yet discovered: <see cref="Scratch.Found"/> gets each one this state
    /// discovers, and the returned bits lose the eventually properties this state satisfies.
    /// <paramref name="hitsEvery"/> tells whether the state hits every property (see
    /// <see cref="Engine{TState, TAction}.HitsEveryProperty"/>): then it is not to be expanded.
    /// </summary>
    public ulong CheckState(TState state, ulong key, ulong eventuallyBits, bool[] discovered, Scratch scratch, out bool hitsEvery)
    {
        scratch.Step = Step.CheckingProperties;
        scratch.Found.Clear();
        engine.CheckProperties(state, ref eventuallyBits, discovered, scratch.Found);
        hitsEvery = engine.HitsEveryProperty(state, eventuallyBits, discovered, scratch.Found);
        if (scratch.CheckMutation && engine.Changed(state, key)) throw engine.Mutated(Engine<TState, TAction>.MutatedByProperties);
        return eventuallyBits;
    }

    /// <summary>A generated successor waiting to be handed to the sink.</summary>
    /// <remarks>
    /// Fields, so that the model writes each successor straight into its slot: a struct state copied
    /// out of a local the model has just written field by field is read back in one wide load, which
    /// the processor cannot forward from the narrow stores and waits for (about a tenth of 2PC's time).
    /// </remarks>
    public struct Successor
    {
        public int ActionIndex;
        public TState State;
        public ulong Key;
    }

    /// <summary>
    /// Lists the actions enabled in <paramref name="state"/> into <see cref="Scratch.Actions"/> and
    /// hands each successor that changes the state and lies within the boundary to <paramref name="sink"/>,
    /// in action-index order. Returns how many there were.
    /// </summary>
    /// <remarks>
    /// Every successor is generated and fingerprinted first, and only then accepted: a visited-set probe
    /// is a cache miss in a large table, and a probe right after each step would wait for it while the
    /// next step's work queued behind it. Prefetching every key first lets those misses overlap.
    /// </remarks>
    public int Successors<TSink>(TState state, ulong key, Scratch scratch, ref TSink sink) where TSink : struct, ISuccessorSink<TState>
    {
        ListActions(state, key, scratch);
        var actions = scratch.Actions;
        if (scratch.Successors.Length < actions.Count) scratch.Successors = new Successor[Math.Max(actions.Count, 2 * scratch.Successors.Length)];
        var successors = scratch.Successors;
        var generated = 0;
        var coverage = _coverage;
        for (var i = 0; i < actions.Count; i++)
        {
            ref var slot = ref successors[generated];
            var moved = TryStep(state, key, scratch, i, out slot.State);
            coverage?.Note(actions[i], moved);
            if (!moved) continue;
            scratch.Step = Step.Fingerprinting;
            var nextKey = engine.KeyOf(slot.State);
            sink.Prefetch(nextKey);
            slot.ActionIndex = i;
            slot.Key = nextKey;
            generated++;
        }
        for (var j = 0; j < generated; j++)
        {
            ref readonly var successor = ref successors[j];
            scratch.ActionIndex = successor.ActionIndex; // names the action if the sink's own callbacks throw
            sink.Accept(successor.ActionIndex, successor.State, successor.Key);
        }
        scratch.ActionIndex = -1;
        // Lets the states that were not kept be collected (a rejected action may have written the next slot).
        // After a fault the worker's scratch is dropped with it, so only this path needs it.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TState>()) Array.Clear(successors, 0, Math.Min(generated + 1, successors.Length));
        return generated;
    }

    /// <summary>Lists the actions enabled in <paramref name="state"/> into <see cref="Scratch.Actions"/>.</summary>
    public void ListActions(TState state, ulong key, Scratch scratch)
    {
        scratch.Step = Step.ListingActions;
        scratch.ActionIndex = -1;
        scratch.Actions.Clear();
        _model.Actions(state, scratch.Actions);
        if (!scratch.CheckMutation) return;
        if (engine.Changed(state, key)) throw engine.Mutated(Engine<TState, TAction>.MutatedByActions);
        scratch.ActionsAgain.Clear();
        _model.Actions(state, scratch.ActionsAgain);
        if (!SameActions(scratch.Actions, scratch.ActionsAgain))
            throw new NondeterministicModelException(
                $"Actions listed {scratch.Actions.Count}, then {scratch.ActionsAgain.Count} actions for the same state{(scratch.Actions.Count == scratch.ActionsAgain.Count ? ", not the same ones" : "")}. " +
                PathReconstructionException.NondeterminismHint);
    }

    /// <summary>True if two listings of a state's actions agree: in count, and by fingerprint where actions can be fingerprinted.</summary>
    private bool SameActions(List<TAction> first, List<TAction> second)
    {
        if (first.Count != second.Count) return false;
        if (!_actionsFingerprintable) return true;
        try
        {
            for (var i = 0; i < first.Count; i++)
                if (Fingerprint.Of(first[i]) != Fingerprint.Of(second[i])) return false;
        }
        catch (UnfingerprintableTypeException)
        {
            _actionsFingerprintable = false; // an action holding something unfingerprintable: compare counts only
        }
        return true;
    }

    // Whether actions can be compared by fingerprint in the determinism check (cleared at the first that cannot).
    private volatile bool _actionsFingerprintable = ActionsCanBeFingerprinted();

    private static bool ActionsCanBeFingerprinted()
    {
        try { Fingerprint.EnsureSupported<TAction>(); return true; }
        catch (UnfingerprintableTypeException) { return false; }
    }

    /// <summary>
    /// The successor by listed action #<paramref name="actionIndex"/>: false if the action changes
    /// nothing or leads outside the boundary (such a successor is not part of the state space).
    /// </summary>
    public bool TryStep(TState state, ulong key, Scratch scratch, int actionIndex, out TState next)
    {
        scratch.ActionIndex = actionIndex;
        scratch.Step = Step.Expanding;
        var moved = _model.TryNextState(state, scratch.Actions[actionIndex], out next);
        scratch.Step = Step.Boundary;
        moved = moved && _model.WithinBoundary(next);
        if (!scratch.CheckMutation) return moved;
        if (engine.Changed(state, key)) throw engine.Mutated(engine.MutatedByAction(scratch.Actions, actionIndex));
        CheckStepAgain(state, scratch, actionIndex, moved, next);
        return moved;
    }

    /// <summary>
    /// The cheap determinism check, on the states also checked for in-place mutation: the same step
    /// taken again must lead to the same state (or again to none). A model that draws from a random
    /// source, a clock or a static counter is caught here, before it yields a path that does not replay.
    /// </summary>
    private void CheckStepAgain(TState state, Scratch scratch, int actionIndex, bool moved, TState next)
    {
        scratch.Step = Step.Expanding;
        var movedAgain = _model.TryNextState(state, scratch.Actions[actionIndex], out var again);
        scratch.Step = Step.Boundary;
        movedAgain = movedAgain && _model.WithinBoundary(again);
        scratch.Step = Step.Fingerprinting;
        if (movedAgain == moved && (!moved || engine.KeyOf(next) == engine.KeyOf(again))) return;
        scratch.Step = Step.Expanding; // the fault names the NextState call
        var outcome = (bool m) => m ? "a new state" : "no step (no change, or outside the boundary)";
        throw new NondeterministicModelException(
            $"NextState for {engine.SafeFormatAction(scratch.Actions[actionIndex])} (action #{actionIndex}) gave " +
            (movedAgain == moved ? "two different states" : $"{outcome(moved)}, then {outcome(movedAgain)}") +
            " for the same state on two calls. " + PathReconstructionException.NondeterminismHint);
    }

    /// <summary>
    /// At a terminal state (no successor): adds to <see cref="Scratch.Found"/> each eventually property
    /// not yet discovered that is still unsatisfied on the path — a maximal behaviour that never met it.
    /// </summary>
    public void TerminalEventually(ulong eventuallyBits, bool[] discovered, Scratch scratch)
    {
        scratch.Found.Clear();
        if (eventuallyBits == 0) return;
        for (var i = 0; i < _properties.Length && i < 64; i++)
            if ((eventuallyBits & (1UL << i)) != 0 && !discovered[i]) scratch.Found.Add(i);
    }

    /// <summary>What the worker was doing when model code threw (built only after a failure).</summary>
    public string Describe(Scratch scratch) =>
        engine.Describe(scratch.Step, scratch.Actions, scratch.ActionIndex);
}
