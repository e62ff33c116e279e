using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Stateright.Actors;

/// <summary>
/// A model of a system of actors communicating over a network that may lose, duplicate and reorder
/// messages, with timers, random choices and crashes. The checker explores every interleaving.
/// </summary>
/// <typeparam name="TMsg">The message type shared by the actors.</typeparam>
/// <typeparam name="THistory">
/// What the model records about the run for properties to inspect (e.g. a
/// <see cref="Semantics.LinearizabilityTester{TThread, TSpec, TOp, TRet}"/>); <see cref="Unit"/> for none.
/// </typeparam>
/// <example><code>
/// var model = new ActorModel&lt;RegisterMsg&lt;ulong, char, Unit&gt;, Unit&gt;(Unit.Value)
///     .Actor(new ServerActor())
///     .Actor(RegisterActor.Client(putCount: 2, serverCount: 1))
///     .Property(Expectation.Sometimes, "get succeeds", s =&gt; s.Network.All.Any(e =&gt; e.Msg is RegisterMsg&lt;ulong, char, Unit&gt;.GetOk));
/// </code></example>
public sealed partial class ActorModel<TMsg, THistory> : Model<ActorModelState<TMsg, THistory>, ActorModelAction<TMsg>>, IPartSharing, IDeferredParts<ActorModelState<TMsg, THistory>>
{
    private readonly List<IActor<TMsg>> _actors = [];
    private readonly List<Property<ActorModelState<TMsg, THistory>>> _properties = [];
    private Func<THistory, Envelope<TMsg>, THistory> _recordMsgIn = static (h, _) => h;
    private Func<THistory, Envelope<TMsg>, THistory> _recordMsgOut = static (h, _) => h;
    private Func<ActorModelState<TMsg, THistory>, bool> _withinBoundary = static _ => true;
    private readonly ValuePool<object> _actorStatePool = new();
    private readonly ValuePool<object> _historyPool = new();
    private volatile bool _shareParts;

    void IPartSharing.ShareParts() => _shareParts = true;

    void IDeferredParts<ActorModelState<TMsg, THistory>>.Complete(ActorModelState<TMsg, THistory> state) => state.Complete();

    void IDeferredParts<ActorModelState<TMsg, THistory>>.Recycle(ActorModelState<TMsg, THistory> dropped)
    {
        // Only a successor by a delivery that nothing has read (a boundary that read its parts built
        // them, and may have kept it): its object and its step's make the thread's next such successor.
        if (dropped.HasPendingParts) DroppedSuccessors.Add(dropped);
    }

    /// <summary>Creates an empty model whose history starts as <paramref name="initialHistory"/>.</summary>
    public ActorModel(THistory initialHistory) => InitialHistory = initialHistory;

    /// <summary>The history of the initial state.</summary>
    public THistory InitialHistory { get; }

    /// <summary>The actors, in id order.</summary>
    public IReadOnlyList<IActor<TMsg>> ActorList => _actors;

    /// <summary>Coverage by receiving actor and message type (see <see cref="ActorCoverage{TMsg}"/>).</summary>
    internal override CoverageTracker<ActorModelAction<TMsg>>? NewCoverageTracker() => ActorCoverage<TMsg>.For(_actors);

    /// <summary>The network the system starts with (default: an empty unordered duplicating network).</summary>
    public Network<TMsg> InitialNetwork { get; private set; } = Network<TMsg>.UnorderedDuplicating();

    /// <summary>Whether the network may lose messages.</summary>
    public bool IsLossy { get; private set; }

    /// <summary>How many actors may be crashed at the same time (set with <see cref="MaxCrashes"/>).</summary>
    public int CrashLimit { get; private set; }

    private bool IsOrdered => InitialNetwork is OrderedNetwork<TMsg>;

    /// <summary>Adds an actor; its id is its position.</summary>
    public ActorModel<TMsg, THistory> Actor(IActor<TMsg> actor)
    {
        _actors.Add(actor ?? throw new ArgumentNullException(nameof(actor)));
        return this;
    }

    /// <summary>Adds actors in order.</summary>
    public ActorModel<TMsg, THistory> Actors(IEnumerable<IActor<TMsg>> actors)
    {
        foreach (var actor in actors) Actor(actor);
        return this;
    }

    /// <summary>Sets the network the system starts with; its kind sets the delivery semantics.</summary>
    public ActorModel<TMsg, THistory> InitNetwork(Network<TMsg> network)
    {
        InitialNetwork = network ?? throw new ArgumentNullException(nameof(network));
        return this;
    }

    /// <summary>Sets the network the system starts with to an empty network of <paramref name="kind"/>.</summary>
    public ActorModel<TMsg, THistory> InitNetwork(NetworkKind kind) => InitNetwork(Network<TMsg>.Of(kind));

    /// <summary>Lets the network lose messages (a <c>Drop</c> action per message in flight).</summary>
    public ActorModel<TMsg, THistory> LossyNetwork(bool lossy = true)
    {
        IsLossy = lossy;
        return this;
    }

    /// <summary>Lets up to <paramref name="count"/> actors be crashed at once; a crashed actor can recover from its saved storage.</summary>
    public ActorModel<TMsg, THistory> MaxCrashes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        CrashLimit = count;
        return this;
    }

    /// <summary>Adds a property.</summary>
    /// <exception cref="ArgumentException">A property with that name exists already.</exception>
    public ActorModel<TMsg, THistory> Property(Expectation expectation, string name, Func<ActorModelState<TMsg, THistory>, bool> condition)
    {
        if (_properties.Any(p => p.Name == name)) throw new ArgumentException($"The model already has a property named \"{name}\".", nameof(name));
        _properties.Add(new Property<ActorModelState<TMsg, THistory>>(expectation, name, condition));
        return this;
    }

    /// <summary>Updates the history when a message is delivered (return the same instance for "unchanged").</summary>
    public ActorModel<TMsg, THistory> RecordMsgIn(Func<THistory, Envelope<TMsg>, THistory> record)
    {
        _recordMsgIn = record ?? throw new ArgumentNullException(nameof(record));
        return this;
    }

    /// <summary>Updates the history when a message is sent (return the same instance for "unchanged").</summary>
    public ActorModel<TMsg, THistory> RecordMsgOut(Func<THistory, Envelope<TMsg>, THistory> record)
    {
        _recordMsgOut = record ?? throw new ArgumentNullException(nameof(record));
        return this;
    }

    /// <summary>Limits the states checked.</summary>
    public ActorModel<TMsg, THistory> WithinBoundary(Func<ActorModelState<TMsg, THistory>, bool> withinBoundary)
    {
        _withinBoundary = withinBoundary ?? throw new ArgumentNullException(nameof(withinBoundary));
        return this;
    }

    /// <inheritdoc/>
    protected override IEnumerable<Property<ActorModelState<TMsg, THistory>>> DefineProperties() => _properties;

    /// <inheritdoc/>
    public override bool WithinBoundary(ActorModelState<TMsg, THistory> state) => _withinBoundary(state);

    /// <summary>Calls actor <paramref name="index"/>'s <c>OnStart</c>; if it throws, the fault message names the actor and the callback.</summary>
    private object OnStart(int index, object? storage, Out<TMsg> o)
    {
        try { return _actors[index].OnStart(Id.From(index), storage, o); }
        catch (Exception e) { CallbackFault.Annotate(e, $"running OnStart of actor {index} ({_actors[index].GetType().Name})"); throw; }
    }

    /// <inheritdoc/>
    public override IEnumerable<ActorModelState<TMsg, THistory>> InitStates()
    {
        var n = _actors.Count;
        var state = Builder.Initial(this, n);
        for (var i = 0; i < n; i++)
        {
            var o = new Out<TMsg>();
            state.SetActorState(i, CallOnStart(i, null, o));
            state.Apply(this, Id.From(i), o);
        }
        yield return state.Build(crashed: [.. new bool[n]]);
    }

    /// <summary>
    /// Lists the actions in the Rust library's order — drops, deliveries, timeouts, crashes,
    /// recoveries, random choices; each kind by actor — built in that order rather than sorted, since
    /// the network already lists envelopes by source, destination and fingerprint. Paths are index
    /// sequences, so this order must not depend on hash order or the process.
    /// </summary>
    public override void Actions(ActorModelState<TMsg, THistory> state, List<ActorModelAction<TMsg>> actions)
    {
        // The network's cached actions: the same envelope in flight in many states is one action object.
        var network = state.Network;
        var deliverable = network.DeliverableCount;
        if (IsLossy)
            for (var i = 0; i < deliverable; i++) actions.Add(network.DropAt(i));
        for (var i = 0; i < deliverable; i++)
        {
            var deliver = network.DeliverAt(i);
            if (deliver.Dst.Value < (ulong)_actors.Count) actions.Add(deliver);
        }
        for (var i = 0; i < state.Timers.Length; i++)
        {
            var timers = state.Timers[i];
            if (timers.IsEmpty) continue;
            var start = actions.Count;
            foreach (var timer in timers) actions.Add(new ActorModelAction<TMsg>.Timeout(Id.From(i), timer));
            if (actions.Count - start > 1) actions.Sort(start, actions.Count - start, ActionComparer.Instance);
        }
        var crashedCount = 0;
        foreach (var crashed in state.Crashed) if (crashed) crashedCount++;
        if (crashedCount < CrashLimit)
            for (var i = 0; i < state.Crashed.Length; i++) if (!state.Crashed[i]) actions.Add(new ActorModelAction<TMsg>.Crash(Id.From(i)));
        if (crashedCount > 0)
            for (var i = 0; i < state.Crashed.Length; i++) if (state.Crashed[i]) actions.Add(new ActorModelAction<TMsg>.Recover(Id.From(i)));
        for (var i = 0; i < state.RandomChoices.Length; i++)
        {
            var choices = state.RandomChoices[i];
            if (choices.IsEmpty) continue;
            var start = actions.Count;
            foreach (var (key, options) in choices)
                foreach (var choice in options) actions.Add(new ActorModelAction<TMsg>.SelectRandom(Id.From(i), key, choice));
            if (actions.Count - start > 1) actions.Sort(start, actions.Count - start, ActionComparer.Instance);
        }
    }

    /// <inheritdoc/>
    public override ActorModelState<TMsg, THistory>? NextState(ActorModelState<TMsg, THistory> state, ActorModelAction<TMsg> action)
    {
        ThrowIfLateWrite();
        switch (action)
        {
            case ActorModelAction<TMsg>.Drop drop:
                return Builder.From(this, state, state.Network.OnDrop(drop.Envelope), state.History).Build(state.Crashed);

            case ActorModelAction<TMsg>.Deliver deliver:
            {
                var (src, dst, msg) = deliver;
                var index = dst.Index;
                if (index >= _actors.Count || state.Crashed[index]) return null; // undeliverable
                var o = NextOut(index, ActorHandler.OnMsg);
                var next = CallOnMsg(index, state.ActorStates[index], src, msg, o, out var changed);
                // A delivery that changes nothing is ignored, except on an ordered network, where it
                // still advances the channel. (Safe as long as properties do not depend on which
                // envelopes are in flight, as the Rust library notes.)
                if (!changed && o.Count == 0 && !IsOrdered) return null;
                var envelope = new Envelope<TMsg>(src, dst, msg);
                var history = _recordMsgIn(state.History, envelope);
                if (PendingSuccessor(state, deliver, changed, next, o, history) is { } pending) return pending;
                var builder = Builder.From(this, state, state.Network, history);
                if (changed) builder.SetActorState(index, next);
                builder.Apply(this, dst, o, delivered: envelope);
                return builder.Build(state.Crashed);
            }

            case ActorModelAction<TMsg>.Timeout(var id, var timer):
            {
                var index = id.Index;
                var o = NextOut(index, ActorHandler.OnTimeout);
                var next = CallOnTimeout(index, state.ActorStates[index], timer, o, out var changed);
                // Ignored if it changes nothing but re-setting the same timer.
                if (!changed && o.Count == 1 && o.Entries[0].Other is Command<TMsg>.SetTimer set && Equals(set.Timer, timer)) return null;
                var builder = Builder.From(this, state, state.Network, state.History);
                builder.SetTimers(index, builder.TimersOf(index).Remove(timer));
                if (changed) builder.SetActorState(index, next);
                builder.Apply(this, id, o);
                return builder.Build(state.Crashed);
            }

            case ActorModelAction<TMsg>.Crash(var id):
            {
                var index = id.Index;
                var builder = Builder.From(this, state, state.Network, state.History);
                builder.SetTimers(index, ImmutableHashSet<object>.Empty);
                builder.SetRandomChoices(index, ImmutableDictionary<string, ImmutableArray<object>>.Empty);
                return builder.Build(state.Crashed.SetItem(index, true));
            }

            case ActorModelAction<TMsg>.Recover(var id):
            {
                var index = id.Index;
                var o = NextOut(index, ActorHandler.OnStart);
                var builder = Builder.From(this, state, state.Network, state.History);
                builder.SetActorState(index, CallOnStart(index, state.Storages[index], o));
                builder.Apply(this, id, o);
                return builder.Build(state.Crashed.SetItem(index, false));
            }

            case ActorModelAction<TMsg>.SelectRandom(var id, var key, var random):
            {
                var index = id.Index;
                var o = NextOut(index, ActorHandler.OnRandom);
                var next = CallOnRandom(index, state.ActorStates[index], random, o, out var changed);
                var builder = Builder.From(this, state, state.Network, state.History);
                builder.SetRandomChoices(index, builder.RandomChoicesOf(index).Remove(key));
                if (changed) builder.SetActorState(index, next);
                builder.Apply(this, id, o);
                return builder.Build(state.Crashed);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action.");
        }
    }

    /// <summary>
    /// The successor by <paramref name="delivery"/>, identified by its fingerprint with
    /// its actor array and network left to be built when read (see <c>ActorModelState.PendingStep</c>),
    /// if the step only changed the receiver's state and sent messages, and the network can tell its
    /// fingerprint after the step; otherwise null, and the caller builds the state.
    /// </summary>
    private ActorModelState<TMsg, THistory>? PendingSuccessor(ActorModelState<TMsg, THistory> state, ActorModelAction<TMsg>.Deliver delivery, bool changed, object next, Out<TMsg> o, THistory history)
    {
        var parentFingerprints = state.CachedActorFingerprints;
        if (parentFingerprints is null || parentFingerprints.Length != _actors.Count) return null;
        var entries = o.Entries;
        foreach (ref readonly var entry in entries) if (entry.Other is not null) return null; // timers, random choices, storage
        var actor = delivery.Dst;
        Span<ulong> sendFingerprints = entries.Length <= 16 ? stackalloc ulong[entries.Length] : new ulong[entries.Length];
        if (!state.Network.TryStepFingerprint(new Envelope<TMsg>(delivery.Src, actor, delivery.Msg), entries, actor, sendFingerprints, out var networkFingerprint)) return null;
        foreach (ref readonly var entry in entries) history = _recordMsgOut(history, new Envelope<TMsg>(actor, entry.Destination, entry.Msg));
        var (pooledHistory, historyFingerprint) = PoolHistory(state, history);
        var changedIndex = changed ? actor.Index : -1;
        var changedState = changed ? next : null;
        var changedFingerprint = changed ? ActorModelState<TMsg, THistory>.ActorFingerprint(next) : 0;
        if (DroppedSuccessors.Take<TMsg, THistory>() is { } dropped)
            return dropped.Reuse(this, state, delivery, changedIndex, changedState, changedFingerprint, networkFingerprint, entries, sendFingerprints, pooledHistory, historyFingerprint);
        var pending = new ActorModelState<TMsg, THistory>.PendingStep(
            this, state, delivery, changedIndex, changedState, changedFingerprint, networkFingerprint, entries, sendFingerprints);
        return new ActorModelState<TMsg, THistory>(pending, pooledHistory, historyFingerprint);
    }

    /// <summary>The pooled instance of an actor state equal to <paramref name="state"/> when the checker shares parts (BFS), else the state itself.</summary>
    internal object PoolActorState(ulong fingerprint, object state) => _shareParts ? _actorStatePool.Intern(fingerprint, state) : state;

    /// <summary>
    /// A changed history, replaced by the pooled equal one, with its fingerprint (which the state
    /// would compute anyway); an unchanged one (or a value type) as it is, with 0 for "not computed here".
    /// </summary>
    private (THistory History, ulong Fingerprint) PoolHistory(ActorModelState<TMsg, THistory> previous, THistory history)
    {
        if (!_shareParts || typeof(THistory).IsValueType || history is null || ReferenceEquals(history, previous.History) || previous.CachedActorFingerprints is null)
            return (history, 0);
        var fingerprint = Fingerprinter<THistory>.Compute(history);
        return ((THistory)_historyPool.Intern(fingerprint, history), fingerprint);
    }

    /// <summary>
    /// One step's changes to a system state. Parts the step does not touch are shared with the
    /// previous state rather than copied (most steps change one actor and the network), and so are
    /// their cached fingerprints. A struct, so that a step allocates only what the new state keeps.
    /// </summary>
    private struct Builder(ActorModel<TMsg, THistory> model, ActorModelState<TMsg, THistory> previous, Network<TMsg> network, THistory history)
    {
        // Copies of the parts this step changes, made on first write; wrapped without a further copy in Build.
        private object[]? _actorStates;
        private ImmutableHashSet<object>[]? _timers;
        private ImmutableDictionary<string, ImmutableArray<object>>[]? _randomChoices;
        private object?[]? _storages;
        // Which actor states changed (bit i for actor i; all bits once an index is past 63).
        private ulong _changedActors;

        public static Builder From(ActorModel<TMsg, THistory> model, ActorModelState<TMsg, THistory> state, Network<TMsg> network, THistory history) => new(model, state, network, history);

        /// <summary>A state for <see cref="InitStates"/>: every actor's state to be set.</summary>
        public static Builder Initial(ActorModel<TMsg, THistory> model, int actors) =>
            new(model, new ActorModelState<TMsg, THistory>(
                [.. new object[actors]],
                model.InitialNetwork,
                [.. Enumerable.Repeat(ImmutableHashSet<object>.Empty, actors)],
                [.. Enumerable.Repeat(ImmutableDictionary<string, ImmutableArray<object>>.Empty, actors)],
                [.. new bool[actors]],
                [.. new object?[actors]],
                model.InitialHistory), model.InitialNetwork, model.InitialHistory);

        public void SetActorState(int index, object state)
        {
            (_actorStates ??= previous.ActorStates.ToArray())[index] = state;
            _changedActors |= index < 64 ? 1UL << index : ulong.MaxValue;
        }

        public void SetTimers(int index, ImmutableHashSet<object> timers) => (_timers ??= previous.Timers.ToArray())[index] = timers;

        public readonly ImmutableHashSet<object> TimersOf(int index) => _timers?[index] ?? previous.Timers[index];

        public void SetRandomChoices(int index, ImmutableDictionary<string, ImmutableArray<object>> choices) => (_randomChoices ??= previous.RandomChoices.ToArray())[index] = choices;

        public readonly ImmutableDictionary<string, ImmutableArray<object>> RandomChoicesOf(int index) => _randomChoices?[index] ?? previous.RandomChoices[index];

        /// <summary>
        /// Applies an actor's commands — sends (recording history), timers, random choices, storage —
        /// after the delivery of <paramref name="delivered"/> if the step is one.
        /// </summary>
        public void Apply(ActorModel<TMsg, THistory> model, Id id, Out<TMsg> o, Envelope<TMsg>? delivered = null)
        {
            var index = id.Index;
            // The network's part of the step in one call: one new network however many messages it sends.
            network = network.Step(delivered, id, o.Entries);
            foreach (ref readonly var entry in o.Entries)
            {
                switch (entry.Other)
                {
                    case null: // a send
                        history = model._recordMsgOut(history, new Envelope<TMsg>(id, entry.Destination, entry.Msg));
                        break;
                    case Command<TMsg>.SetTimer set:
                        SetTimers(index, TimersOf(index).Add(set.Timer));
                        break;
                    case Command<TMsg>.CancelTimer cancel:
                        SetTimers(index, TimersOf(index).Remove(cancel.Timer));
                        break;
                    case Command<TMsg>.ChooseRandom(var key, var choices):
                        SetRandomChoices(index, choices.Count == 0 ? RandomChoicesOf(index).Remove(key) : RandomChoicesOf(index).SetItem(key, [.. choices]));
                        break;
                    case Command<TMsg>.Save(var storage):
                        (_storages ??= previous.Storages.ToArray())[index] = storage;
                        break;
                }
            }
        }

        public readonly ActorModelState<TMsg, THistory> Build(ImmutableArray<bool> crashed)
        {
            var actorFingerprints = ActorFingerprints();
            var (pooledHistory, historyFingerprint) = model.PoolHistory(previous, history);
            return new(previous,
                Wrap(_actorStates) ?? previous.ActorStates,
                actorFingerprints,
                network,
                Wrap(_timers) ?? previous.Timers,
                Wrap(_randomChoices) ?? previous.RandomChoices,
                crashed,
                Wrap(_storages) ?? previous.Storages,
                pooledHistory,
                historyFingerprint);
        }

        /// <summary>
        /// The parent's per-actor fingerprints with the changed actors' re-hashed, each changed actor's
        /// state replaced by the pooled equal one; null (computed on demand) if the parent has none.
        /// </summary>
        private readonly ulong[]? ActorFingerprints()
        {
            var parent = previous.CachedActorFingerprints;
            if (_actorStates is null) return parent;
            if (parent is null || parent.Length != _actorStates.Length || _changedActors == ulong.MaxValue) return null;
            var fingerprints = (ulong[])parent.Clone();
            for (var changed = _changedActors; changed != 0; changed &= changed - 1)
            {
                var i = System.Numerics.BitOperations.TrailingZeroCount(changed);
                var fingerprint = ActorModelState<TMsg, THistory>.ActorFingerprint(_actorStates[i]);
                fingerprints[i] = fingerprint;
                _actorStates[i] = model.PoolActorState(fingerprint, _actorStates[i]);
            }
            return fingerprints;
        }

        /// <summary>The array as an immutable array without copying it: the builder never touches it again.</summary>
        private static ImmutableArray<T>? Wrap<T>(T[]? array) => array is null ? null : ImmutableCollectionsMarshal.AsImmutableArray(array);
    }

    private sealed class ActionComparer : IComparer<ActorModelAction<TMsg>>
    {
        public static readonly ActionComparer Instance = new();
        public int Compare(ActorModelAction<TMsg>? x, ActorModelAction<TMsg>? y) => ActorModelAction<TMsg>.Compare(x!, y!);
    }
}
