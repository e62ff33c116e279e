using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Stateright.Actors;

/// <summary>
/// Successors made by a delivery are built only when first read. Most successors of an actor system
/// state have been reached before (four in five for <c>linearizable-register 2</c>, one in two for
/// <c>paxos 3</c>), and the checker drops those as soon as their fingerprint is known. A delivery's
/// fingerprint needs the changed actor's and the network's fingerprints, not the copied actor array
/// or the new network itself, so those are built on the first read of <see cref="ActorStates"/> or
/// <see cref="Network"/>: for the successors that are kept, when they are expanded.
/// </summary>
public sealed partial record ActorModelState<TMsg, THistory>
{
    // Non-null until the parts are built. Written null (last) by whichever thread builds them first;
    // a thread that still sees the step builds equal parts, and either thread's are kept.
    private PendingStep? _pending;

    /// <summary>A successor of <paramref name="pending"/>'s parent by a delivery, its actor array and network not yet built.</summary>
    internal ActorModelState(PendingStep pending, THistory history, ulong historyFingerprint)
        : this(default, null!, pending.Parent.Timers, pending.Parent.RandomChoices, pending.Parent.Crashed, pending.Parent.Storages, history)
        => InitPending(pending, historyFingerprint);

    /// <summary>Whether the actor array and the network are still to be built (for tests).</summary>
    internal bool HasPendingParts => _pending is not null;

    /// <summary>
    /// Makes this successor, dropped by the checker before anything read its parts, the successor of
    /// <paramref name="parent"/> by <paramref name="delivery"/>, as <c>new ActorModelState(pending, …)</c> would,
    /// reusing this object and its step's (see <see cref="DroppedSuccessors"/>). Every field is
    /// written: nothing of the state it was may remain, its fingerprint least of all.
    /// </summary>
    internal ActorModelState<TMsg, THistory> Reuse(
        ActorModel<TMsg, THistory> model, ActorModelState<TMsg, THistory> parent, ActorModelAction<TMsg>.Deliver delivery,
        int changedIndex, object? changedState, ulong changedFingerprint, ulong networkFingerprint,
        ReadOnlySpan<Out<TMsg>.Entry> sends, ReadOnlySpan<ulong> sendFingerprints, THistory history, ulong historyFingerprint)
    {
        var pending = _pending!;
        pending.Reset(model, parent, delivery, changedIndex, changedState, changedFingerprint, networkFingerprint, sends, sendFingerprints);
        _actorStates = default;
        _network = null!;
        _timers = parent.Timers;
        _randomChoices = parent.RandomChoices;
        _crashed = parent.Crashed;
        _storages = parent.Storages;
        _history = history;
        _actorFingerprints = null;
        _fingerprint = 0;
        InitPending(pending, historyFingerprint);
        return this;
    }

    /// <summary>What the two ways of making a successor by a delivery share: the step, and the caches it leaves valid.</summary>
    private void InitPending(PendingStep pending, ulong historyFingerprint)
    {
        var parent = pending.Parent;
        _pending = pending;
        _side = parent._side; // timers, random choices, crash flags and storages are the parent's
        _historyFingerprint = historyFingerprint != 0 || typeof(THistory).IsValueType || !ReferenceEquals(_history, parent.History)
            ? historyFingerprint
            : parent._historyFingerprint;
    }

    /// <summary>Builds whatever this state left to be built (nothing, unless it is a successor by a delivery not yet read).</summary>
    internal void Complete()
    {
        if (_pending is not null) Materialize();
    }

    /// <summary>Builds the actor array and the network of a successor made by a delivery.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Materialize()
    {
        var pending = Volatile.Read(ref _pending);
        if (pending is null) return;
        var parent = pending.Parent;
        var states = parent.ActorStates;
        var fingerprints = parent._actorFingerprints!;
        if (pending.ChangedIndex >= 0)
        {
            var index = pending.ChangedIndex;
            var array = states.ToArray();
            array[index] = pending.Model.PoolActorState(pending.ChangedFingerprint, pending.ChangedState!);
            states = ImmutableCollectionsMarshal.AsImmutableArray(array);
            fingerprints = (ulong[])fingerprints.Clone();
            fingerprints[index] = pending.ChangedFingerprint;
        }
        var network = pending.BuildNetwork();
        // The state's fingerprint already counted the network: a network that differs would make the
        // visited set hold the wrong state. Never expected; checked because it costs one comparison.
        if (network.GetFingerprint() != pending.NetworkFingerprint)
            throw new InvalidOperationException($"Internal error: the {network.KindName} network built for a delivery of {pending.Delivery} does not have the fingerprint the state was identified by.");
        network.KnowFieldFingerprint(pending.NetworkFieldFingerprint);
        _actorStates = states;
        _network = network;
        _actorFingerprints ??= fingerprints;
        Volatile.Write(ref _pending, null);
    }

    /// <summary>
    /// What a delivery changed: the actor's state (if it changed) with its fingerprint, the network's
    /// fingerprint after the step, and the step's sends, from which the network is built when read.
    /// Kept small: one is made for every successor by a delivery, and most are dropped unread.
    /// </summary>
    internal sealed class PendingStep
    {
        private SendPair _pair; // the first two sends, in place: a step rarely sends more
        private Send[]? _more; // all of them, when there are more than two
        private int _sendCount;

        public PendingStep(
            ActorModel<TMsg, THistory> model, ActorModelState<TMsg, THistory> parent, ActorModelAction<TMsg>.Deliver delivery,
            int changedIndex, object? changedState, ulong changedFingerprint, ulong networkFingerprint,
            ReadOnlySpan<Out<TMsg>.Entry> sends, ReadOnlySpan<ulong> sendFingerprints)
            => Reset(model, parent, delivery, changedIndex, changedState, changedFingerprint, networkFingerprint, sends, sendFingerprints);

        /// <summary>Sets every field: a step is reused for another successor's (see <see cref="Reuse"/>).</summary>
        [MemberNotNull(nameof(Model), nameof(Parent), nameof(Delivery))]
        public void Reset(
            ActorModel<TMsg, THistory> model, ActorModelState<TMsg, THistory> parent, ActorModelAction<TMsg>.Deliver delivery,
            int changedIndex, object? changedState, ulong changedFingerprint, ulong networkFingerprint,
            ReadOnlySpan<Out<TMsg>.Entry> sends, ReadOnlySpan<ulong> sendFingerprints)
        {
            Model = model;
            Parent = parent;
            Delivery = delivery;
            ChangedIndex = changedIndex;
            ChangedState = changedState;
            ChangedFingerprint = changedFingerprint;
            NetworkFingerprint = networkFingerprint;
            _sendCount = sends.Length;
            _pair = default;
            _more = null;
            Span<Send> target = sends.Length > 2 ? (_more = new Send[sends.Length]) : _pair;
            for (var i = 0; i < sends.Length; i++) target[i] = new Send(sends[i].Destination, sends[i].Msg, sendFingerprints[i]);
        }

        /// <summary>The model, whose pool the new actor state joins when the checker shares parts.</summary>
        public ActorModel<TMsg, THistory> Model { get; private set; }

        public ActorModelState<TMsg, THistory> Parent { get; private set; }

        /// <summary>The delivery (the action's own object, which every state with the envelope in flight shares).</summary>
        public ActorModelAction<TMsg>.Deliver Delivery { get; private set; }

        /// <summary>The index of the actor whose state changed, or -1.</summary>
        public int ChangedIndex { get; private set; }
        public object? ChangedState { get; private set; }
        public ulong ChangedFingerprint { get; private set; }

        /// <summary>The network's own fingerprint after the step.</summary>
        public ulong NetworkFingerprint { get; private set; }

        /// <summary>The network's fingerprint as the state's field after the step.</summary>
        public ulong NetworkFieldFingerprint => Parent.Network.FieldFingerprintOf(NetworkFingerprint);

        /// <summary>The network after the step: the parent's, with the delivery and the sends.</summary>
        public Network<TMsg> BuildNetwork()
        {
            var entries = new EntryBuffer();
            var fingerprints = new FingerprintBuffer();
            Span<Out<TMsg>.Entry> span = _sendCount <= 2 ? entries : new Out<TMsg>.Entry[_sendCount];
            Span<ulong> keys = _sendCount <= 2 ? fingerprints : new ulong[_sendCount];
            ReadOnlySpan<Send> sends = _more ?? ((ReadOnlySpan<Send>)_pair)[.._sendCount];
            for (var i = 0; i < sends.Length; i++)
            {
                span[i] = new Out<TMsg>.Entry(sends[i].Destination, sends[i].Msg, null);
                keys[i] = sends[i].Fingerprint;
            }
            return Parent.Network.Step(new Envelope<TMsg>(Delivery.Src, Delivery.Dst, Delivery.Msg), Delivery.Dst, span[.._sendCount], keys[.._sendCount]);
        }

        /// <summary>A send, with its envelope's fingerprint (computed for the state's, reused to build the network).</summary>
        private readonly record struct Send(Id Destination, TMsg Msg, ulong Fingerprint);

        [InlineArray(2)]
        private struct FingerprintBuffer
        {
            private ulong _first;
        }

        [InlineArray(2)]
        private struct SendPair
        {
            private Send _first;
        }

        [InlineArray(2)]
        private struct EntryBuffer
        {
            private Out<TMsg>.Entry _first;
        }
    }
}
