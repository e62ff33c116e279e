namespace Stateright.Actors;

/// <summary>
/// An actor model's action kinds for coverage: a delivery by receiving actor and message type
/// (<c>Server ← Put</c>), and, reported only when some state enables them, a timeout, crash, recovery
/// or random choice of an actor, and a drop of a message to it. Actors with the same name share their
/// kinds (the clients of a register), others are named by id.
/// </summary>
internal sealed class ActorCoverage<TMsg> : CoverageTracker<ActorModelAction<TMsg>>
{
    private const int OtherKinds = 5; // drop, timeout, crash, recover, random
    private readonly int[] _groupOf; // by actor index
    private readonly Type[] _messageTypes;
    private readonly int _deliveries;

    private ActorCoverage(int[] groupOf, string[] groups, Type[] messageTypes)
        : base(KindNames(groups, messageTypes), optional: groups.Length * OtherKinds)
    {
        _groupOf = groupOf;
        _messageTypes = messageTypes;
        _deliveries = groups.Length * messageTypes.Length;
    }

    public static ActorCoverage<TMsg> For(IReadOnlyList<IActor<TMsg>> actors)
    {
        var groups = new List<string>();
        var groupOf = new int[actors.Count];
        for (var i = 0; i < actors.Count; i++)
        {
            var name = actors[i].Name is { Length: > 0 } n ? n : Id.From(i).ToString();
            var group = groups.IndexOf(name);
            if (group < 0) { group = groups.Count; groups.Add(name); }
            groupOf[i] = group;
        }
        return new ActorCoverage<TMsg>(groupOf, [.. groups], ActionKinds.ConcreteTypes(typeof(TMsg)));
    }

    private static string[] KindNames(string[] groups, Type[] messageTypes)
    {
        var names = new List<string>();
        foreach (var group in groups)
            foreach (var type in messageTypes) names.Add($"{group} ← {MessageName(type)}");
        foreach (var group in groups)
            names.AddRange([$"drop → {group}", $"{group} timeout", $"{group} crash", $"{group} recover", $"{group} random"]);
        return [.. names];
    }

    /// <summary>A message type's name: a nested case of the message type by its own name (<c>Put</c>, not <c>RegisterMsg&lt;ulong, char, Unit&gt;.Put</c>).</summary>
    private static string MessageName(Type type) =>
        type.IsNested && typeof(TMsg) != type ? StripArity(type.Name) : TypeNames.Readable(type);

    private static string StripArity(string name) => name.IndexOf('`') is var tick and > 0 ? name[..tick] : name;

    protected override int KindOf(ActorModelAction<TMsg> action)
    {
        switch (action)
        {
            case ActorModelAction<TMsg>.Deliver d:
                if (d.Dst.Value >= (ulong)_groupOf.Length || d.Msg is null) return -1;
                var type = d.Msg.GetType();
                for (var i = 0; i < _messageTypes.Length; i++)
                    if (ReferenceEquals(_messageTypes[i], type)) return _groupOf[d.Dst.Index] * _messageTypes.Length + i;
                return -1;
            case ActorModelAction<TMsg>.Drop d: return Other(d.Envelope.Dst, 0);
            case ActorModelAction<TMsg>.Timeout t: return Other(t.Actor, 1);
            case ActorModelAction<TMsg>.Crash c: return Other(c.Actor, 2);
            case ActorModelAction<TMsg>.Recover r: return Other(r.Actor, 3);
            case ActorModelAction<TMsg>.SelectRandom r: return Other(r.Actor, 4);
            default: return -1;
        }
    }

    private int Other(Id actor, int kind) =>
        actor.Value < (ulong)_groupOf.Length ? _deliveries + _groupOf[actor.Index] * OtherKinds + kind : -1;
}
