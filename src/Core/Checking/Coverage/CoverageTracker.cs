namespace Stateright;

/// <summary>
/// Records, while a run expands states, which kinds of action were enabled and which were taken. A
/// subclass maps an action to its kind. Flags are only ever set, and read before they are written, so
/// workers on several threads share them without locks and without writing a cache line over and over.
/// </summary>
internal abstract class CoverageTracker<TAction>
{
    private readonly bool[] _enabled;
    private readonly bool[] _taken;

    /// <param name="names">Every kind's name, by kind index.</param>
    /// <param name="optional">How many kinds, at the end of <paramref name="names"/>, are not reported when never enabled (kinds most models never use, such as timeouts of actors without timers).</param>
    protected CoverageTracker(IReadOnlyList<string> names, int optional = 0)
    {
        Names = names;
        Optional = optional;
        _enabled = new bool[names.Count];
        _taken = new bool[names.Count];
    }

    public IReadOnlyList<string> Names { get; }

    private int Optional { get; }

    /// <summary>The kind index of <paramref name="action"/>, or -1 if it has none.</summary>
    protected abstract int KindOf(TAction action);

    /// <summary>Notes that <paramref name="action"/> was enabled, and whether it led to a new state within the boundary.</summary>
    public void Note(TAction action, bool taken)
    {
        var kind = KindOf(action);
        if (kind < 0) return;
        if (!_enabled[kind]) _enabled[kind] = true;
        if (taken && !_taken[kind]) _taken[kind] = true;
    }

    /// <summary>What the run saw.</summary>
    public ActionCoverage Result(bool complete)
    {
        var reported = Names.Count - Optional;
        var kinds = new List<string>();
        var neverEnabled = new List<string>();
        var neverTaken = new List<string>();
        for (var i = 0; i < Names.Count; i++)
        {
            var enabled = Volatile.Read(ref _enabled[i]);
            if (i >= reported && !enabled) continue; // an optional kind the model never uses
            kinds.Add(Names[i]);
            if (!enabled) neverEnabled.Add(Names[i]);
            else if (!Volatile.Read(ref _taken[i])) neverTaken.Add(Names[i]);
        }
        return new ActionCoverage(kinds, neverEnabled, neverTaken, complete);
    }
}

/// <summary>Kinds of a plain model's actions: an enum's values, or the concrete types of a closed hierarchy.</summary>
internal static class ActionKinds
{
    /// <summary>A tracker for <typeparamref name="TAction"/>, or null when its values fall into no useful kinds (one type, not an enum).</summary>
    public static CoverageTracker<TAction>? For<TAction>()
    {
        var type = typeof(TAction);
        if (type.IsEnum) return new EnumKinds<TAction>();
        var concrete = ConcreteTypes(type);
        return concrete.Length >= 2 ? new TypeKinds<TAction>(concrete, concrete.Select(TypeNames.Readable).ToArray()) : null;
    }

    /// <summary>
    /// The concrete types that values of <paramref name="type"/> can have, in its assembly, in name order:
    /// itself if it is sealed or a value type; else its non-abstract subtypes, closing generic nested
    /// types over its own type arguments (<c>Msg&lt;T&gt;.Put</c> for <c>Msg&lt;int&gt;</c>).
    /// </summary>
    public static Type[] ConcreteTypes(Type type)
    {
        if (type.IsValueType || type.IsSealed) return [type];
        Type?[] candidates;
        try { candidates = type.Assembly.GetTypes(); }
        catch (System.Reflection.ReflectionTypeLoadException e) { candidates = e.Types; }
        var found = new List<Type>();
        foreach (var candidate in candidates)
        {
            if (candidate is null || candidate.IsAbstract || candidate.IsInterface) continue;
            var closed = candidate;
            if (candidate.IsGenericTypeDefinition)
            {
                if (!type.IsGenericType || candidate.GetGenericArguments().Length != type.GetGenericArguments().Length) continue;
                try { closed = candidate.MakeGenericType(type.GetGenericArguments()); }
                catch (ArgumentException) { continue; } // constraints not met
            }
            if (type.IsAssignableFrom(closed)) found.Add(closed);
        }
        return [.. found.OrderBy(TypeNames.Readable, StringComparer.Ordinal)];
    }

    /// <summary>An enum's kinds: its distinct values, by their names.</summary>
    private sealed class EnumKinds<TAction>(TAction[] values) : CoverageTracker<TAction>(values.Select(v => v!.ToString()!).ToArray())
    {
        public EnumKinds() : this(Enum.GetValues(typeof(TAction)).Cast<TAction>().Distinct().ToArray()) { }

        protected override int KindOf(TAction action)
        {
            for (var i = 0; i < values.Length; i++)
                if (EqualityComparer<TAction>.Default.Equals(values[i], action)) return i;
            return -1;
        }
    }

    private sealed class TypeKinds<TAction>(Type[] types, string[] names) : CoverageTracker<TAction>(names)
    {
        protected override int KindOf(TAction action)
        {
            var type = action!.GetType();
            for (var i = 0; i < types.Length; i++)
                if (ReferenceEquals(types[i], type)) return i;
            return -1;
        }
    }
}
