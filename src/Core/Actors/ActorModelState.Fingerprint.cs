using System.Collections.Immutable;
using static Stateright.FingerprintMath;

namespace Stateright.Actors;

/// <summary>
/// The state's fingerprint, assembled from cached parts: a step changes one actor and the network,
/// so a successor re-hashes only those and reuses its parent's fingerprints of everything else.
/// </summary>
/// <remarks>
/// The value is exactly the structural fingerprint of the seven properties (combined in field-name
/// order, as for any record), so it stays a pure function of the contents: equal states reached by
/// different paths, rewritten states and states built by hand all fingerprint alike. The caches are
/// not part of the record's equality and are not copied by <c>with</c>.
/// </remarks>
public sealed partial record ActorModelState<TMsg, THistory>
{
    // Zero means "not computed yet" (a part that really hashes to zero is recomputed each time: rare and harmless).
    // Written once with the value every thread would compute, so unsynchronized reads and writes are safe.
    private ulong[]? _actorFingerprints;
    private SideParts? _side;
    private ulong _historyFingerprint;
    private ulong _fingerprint;

    private static bool s_historyValidated;

    /// <summary>A state that starts with the caches of the unchanged parts of <paramref name="parent"/>.</summary>
    internal ActorModelState(
        ActorModelState<TMsg, THistory> parent,
        ImmutableArray<object> actorStates, ulong[]? actorFingerprints,
        Network<TMsg> network,
        ImmutableArray<ImmutableHashSet<object>> timers,
        ImmutableArray<ImmutableDictionary<string, ImmutableArray<object>>> randomChoices,
        ImmutableArray<bool> crashed,
        ImmutableArray<object?> storages,
        THistory history, ulong historyFingerprint)
        : this(actorStates, network, timers, randomChoices, crashed, storages, history)
    {
        _actorFingerprints = actorFingerprints;
        _historyFingerprint = historyFingerprint;
        if (parent._side is { } side)
        {
            _side = timers == parent.Timers && randomChoices == parent.RandomChoices && crashed == parent.Crashed && storages == parent.Storages
                ? side
                : new SideParts
                {
                    Timers = timers == parent.Timers ? side.Timers : 0,
                    Random = randomChoices == parent.RandomChoices ? side.Random : 0,
                    Crashed = crashed == parent.Crashed ? side.Crashed : 0,
                    Storages = storages == parent.Storages ? side.Storages : 0,
                };
        }
        if (historyFingerprint == 0 && !typeof(THistory).IsValueType && ReferenceEquals(history, parent.History)) _historyFingerprint = parent._historyFingerprint;
    }

    /// <summary>Copies the contents for <c>with</c>, leaving the caches behind: the copy's contents may differ.</summary>
    private ActorModelState(ActorModelState<TMsg, THistory> original)
    {
        _actorStates = original.ActorStates;
        _network = original.Network;
        _timers = original.Timers;
        _randomChoices = original.RandomChoices;
        _crashed = original.Crashed;
        _storages = original.Storages;
        _history = original.History;
    }

    /// <summary>The fingerprint of each actor's state if already computed (for a successor to reuse), else null.</summary>
    internal ulong[]? CachedActorFingerprints
    {
        get
        {
            if (_pending is not null) Materialize();
            return _actorFingerprints;
        }
    }

    /// <summary>The fingerprint of one actor's state, as the structural walk over <see cref="ActorStates"/> computes it.</summary>
    internal static ulong ActorFingerprint(object actorState) => Fingerprinter<object>.Compute(actorState);

    /// <inheritdoc/>
    public ulong GetFingerprint()
    {
        var h = _fingerprint;
        if (h != 0) return h;
        if (!s_historyValidated)
        {
            // As the checker validates a state type's members at start, which it cannot see through IFingerprintable.
            Fingerprint.EnsureSupported<THistory>();
            s_historyValidated = true;
        }
        // The same combination as the structural walk over a record: a seed for seven fields, then the
        // fields in name order (ActorStates, Crashed, History, Network, RandomChoices, Storages, Timers).
        var side = _side ??= new SideParts();
        var pending = Volatile.Read(ref _pending); // a successor not built yet is fingerprinted from its parent's parts and the step
        h = Seed(0xC0_4D_50_05_17_E0UL, 7);
        h = Combine(h, pending is null ? ActorStatesFingerprint() : ActorStatesFingerprint(pending));
        h = Combine(h, Part(ref side.Crashed, Crashed));
        h = Combine(h, HistoryFingerprint());
        h = Combine(h, pending is null ? Network.FieldFingerprint : pending.NetworkFieldFingerprint);
        h = Combine(h, Part(ref side.Random, RandomChoices));
        h = Combine(h, Part(ref side.Storages, Storages));
        h = Combine(h, Part(ref side.Timers, Timers));
        _fingerprint = h;
        return h;
    }

    private ulong ActorStatesFingerprint()
    {
        var states = ActorStates;
        if (states.IsDefault) return Fingerprint.Null;
        var parts = _actorFingerprints;
        if (parts is null || parts.Length != states.Length)
        {
            parts = new ulong[states.Length];
            for (var i = 0; i < parts.Length; i++) parts[i] = ActorFingerprint(states[i]);
            _actorFingerprints = parts;
        }
        // As FingerprintCollections.OfImmutableArray combines the elements of a sequence.
        var h = Seed(FingerprintCollections.SequenceKind, parts.Length);
        foreach (var part in parts) h = Combine(h, part);
        return h;
    }

    /// <summary>As <see cref="ActorStatesFingerprint()"/> would compute it once the step is built: the parent's parts, one replaced.</summary>
    private static ulong ActorStatesFingerprint(PendingStep pending)
    {
        var parts = pending.Parent._actorFingerprints!;
        var h = Seed(FingerprintCollections.SequenceKind, parts.Length);
        for (var i = 0; i < parts.Length; i++) h = Combine(h, i == pending.ChangedIndex ? pending.ChangedFingerprint : parts[i]);
        return h;
    }

    private ulong HistoryFingerprint()
    {
        if (_historyFingerprint != 0) return _historyFingerprint;
        return _historyFingerprint = Fingerprinter<THistory>.Compute(History);
    }

    private static ulong Part<T>(ref ulong cache, T value)
    {
        if (cache != 0) return cache;
        return cache = Fingerprinter<T>.Compute(value);
    }

    /// <summary>Compares the seven properties, as a record does, leaving out the fingerprint caches.</summary>
    public bool Equals(ActorModelState<TMsg, THistory>? other) =>
        ReferenceEquals(this, other)
        || other is not null
        && ActorStates.Equals(other.ActorStates)
        && EqualityComparer<Network<TMsg>>.Default.Equals(Network, other.Network)
        && Timers.Equals(other.Timers)
        && RandomChoices.Equals(other.RandomChoices)
        && Crashed.Equals(other.Crashed)
        && Storages.Equals(other.Storages)
        && EqualityComparer<THistory>.Default.Equals(History, other.History);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ActorStates, Network, Timers, RandomChoices, Crashed, Storages, History);

    /// <summary>
    /// The fingerprints of the parts few steps change (timers, random choices, crash flags, storages),
    /// in one object that a successor shares with its parent while all four are the parent's: 8 bytes
    /// per state instead of 32. Every state sharing it holds the same four parts, so whichever fills a
    /// field writes the value all would.
    /// </summary>
    private sealed class SideParts
    {
        public ulong Timers;
        public ulong Random;
        public ulong Crashed;
        public ulong Storages;
    }
}
