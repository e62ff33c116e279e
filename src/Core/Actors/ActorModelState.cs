using System.Collections.Immutable;
using System.Text;
using Stateright.Semantics;

namespace Stateright.Actors;

/// <summary>
/// The state of a whole actor system: every actor's state, the network, the timers set, the pending
/// random choices, which actors have crashed, their durable storage, and the history that properties
/// inspect (e.g. a linearizability tester).
/// </summary>
/// <typeparam name="TMsg">The message type.</typeparam>
/// <typeparam name="THistory">The history type.</typeparam>
public sealed partial record ActorModelState<TMsg, THistory>(
    ImmutableArray<object> ActorStates,
    Network<TMsg> Network,
    ImmutableArray<ImmutableHashSet<object>> Timers,
    ImmutableArray<ImmutableDictionary<string, ImmutableArray<object>>> RandomChoices,
    ImmutableArray<bool> Crashed,
    ImmutableArray<object?> Storages,
    THistory History) : IRewritable<ActorModelState<TMsg, THistory>>, IFingerprintable
{
    // Set from the parameters, or on first read for a successor made from a step (see PendingStep).
    private ImmutableArray<object> _actorStates = ActorStates;
    private Network<TMsg> _network = Network;

    // Fields rather than auto-properties, so that a dropped successor can be made another (see Reuse).
    private ImmutableArray<ImmutableHashSet<object>> _timers = Timers;
    private ImmutableArray<ImmutableDictionary<string, ImmutableArray<object>>> _randomChoices = RandomChoices;
    private ImmutableArray<bool> _crashed = Crashed;
    private ImmutableArray<object?> _storages = Storages;
    private THistory _history = History;

    /// <summary>Every actor's state, by id.</summary>
    public ImmutableArray<object> ActorStates
    {
        get
        {
            if (_pending is not null) Materialize();
            return _actorStates;
        }
        init => _actorStates = value;
    }

    /// <summary>The messages in flight.</summary>
    public Network<TMsg> Network
    {
        get
        {
            if (_pending is not null) Materialize();
            return _network;
        }
        init => _network = value;
    }

    /// <summary>The timers set, by actor id.</summary>
    public ImmutableArray<ImmutableHashSet<object>> Timers { get => _timers; init => _timers = value; }

    /// <summary>The random choices pending, by actor id: each key's options.</summary>
    public ImmutableArray<ImmutableDictionary<string, ImmutableArray<object>>> RandomChoices { get => _randomChoices; init => _randomChoices = value; }

    /// <summary>Which actors have crashed, by actor id.</summary>
    public ImmutableArray<bool> Crashed { get => _crashed; init => _crashed = value; }

    /// <summary>Each actor's durable storage, by actor id (null where it stored nothing).</summary>
    public ImmutableArray<object?> Storages { get => _storages; init => _storages = value; }

    /// <summary>The history that properties inspect (e.g. a linearizability tester).</summary>
    public THistory History { get => _history; init => _history = value; }

    /// <summary>
    /// The state with the actors renamed: each actor's state, timers, random choices, crash flag and
    /// storage move to its new id, and every id in them, in the messages in flight and in the history
    /// is renamed.
    /// </summary>
    /// <exception cref="ArgumentException">The permutation does not rename exactly this system's actors.</exception>
    public ActorModelState<TMsg, THistory> Rewrite(IdPermutation permutation) => ActorSymmetry.Permute(this, permutation);

    /// <summary>The state of actor <paramref name="id"/>, cast to its type.</summary>
    public T StateOf<T>(Id id) => (T)ActorStates[id.Index];

    /// <summary>The states of all actors whose state is a <typeparamref name="T"/>, in id order.</summary>
    public IEnumerable<T> StatesOf<T>() => ActorStates.OfType<T>();

    /// <summary>A multi-line rendering: one line per actor, then the network and history.</summary>
    public string Describe() => Describe(static id => id.ToString());

    /// <summary>A multi-line rendering with actors named by <paramref name="label"/> (e.g. <c>Server#0</c>).</summary>
    public string Describe(Func<Id, string> label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var sb = new StringBuilder();
        for (var i = 0; i < ActorStates.Length; i++)
        {
            // Through ValueText, so that a bare char or string state is quoted and escaped ('\0', not a NUL).
            sb.Append($"{label(Id.From(i))}: {ValueText.Format(ActorStates[i])}");
            if (Crashed[i]) sb.Append(" (crashed)");
            if (!Timers[i].IsEmpty) sb.Append($" timers {{{string.Join(", ", Timers[i].Select(t => ValueText.Format(t)).Order(StringComparer.Ordinal))}}}");
            sb.Append('\n');
        }
        sb.Append("Network: ").Append(Network.Describe(e => $"{label(e.Src)} → {ValueText.Format(e.Msg)} → {label(e.Dst)}")).Append('\n');
        if (History is not null && History is not Unit) sb.Append("History: ").Append(ValueText.Format(History)).Append('\n'); // as the trace's history lines render it
        return sb.ToString().TrimEnd('\n');
    }

    /// <inheritdoc/>
    public override string ToString() => Describe().Replace("\n", "; ");
}

/// <summary>The history type of a model that records none.</summary>
public sealed record Unit
{
    /// <summary>The only value.</summary>
    public static Unit Value { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "()";
}
