namespace Stateright;

/// <summary>When a checker may stop early: once its discoveries satisfy this condition.</summary>
/// <remarks>
/// The default, <see cref="All"/>, stops once every property has a discovery. A condition over no
/// properties (a model without properties, <see cref="AllFailures"/> without <c>Always</c> or
/// <c>Eventually</c> properties) never holds, so it never ends a run early.
/// </remarks>
public sealed class HasDiscoveries
{
    private readonly Kind _kind;
    private readonly IReadOnlyList<string> _names;

    private enum Kind { All, Any, AnyFailures, AllFailures, AllOf, AnyOf }

    private HasDiscoveries(Kind kind, IReadOnlyList<string> names)
    {
        _kind = kind;
        _names = names;
    }

    /// <summary>Every property has a discovery (the default).</summary>
    public static HasDiscoveries All { get; } = new(Kind.All, []);

    /// <summary>Some property has a discovery.</summary>
    public static HasDiscoveries Any { get; } = new(Kind.Any, []);

    /// <summary>Some <c>Always</c> or <c>Eventually</c> property has a counterexample.</summary>
    public static HasDiscoveries AnyFailures { get; } = new(Kind.AnyFailures, []);

    /// <summary>Every <c>Always</c> and <c>Eventually</c> property has a counterexample.</summary>
    public static HasDiscoveries AllFailures { get; } = new(Kind.AllFailures, []);

    /// <summary>Each named property has a discovery.</summary>
    public static HasDiscoveries AllOf(params string[] names) => new(Kind.AllOf, names.ToArray());

    /// <summary>One of the named properties has a discovery.</summary>
    public static HasDiscoveries AnyOf(params string[] names) => new(Kind.AnyOf, names.ToArray());

    /// <inheritdoc/>
    public override string ToString() => _kind is Kind.AllOf or Kind.AnyOf ? $"{_kind}({string.Join(", ", _names)})" : _kind.ToString();

    /// <summary>Binds the condition to a model's properties, validating the names it refers to.</summary>
    internal Func<bool[], bool> Bind<TState>(IReadOnlyList<Property<TState>> properties)
    {
        int[] Indices()
        {
            return _names.Select(name =>
            {
                for (var i = 0; i < properties.Count; i++)
                    if (properties[i].Name == name) return i;
                throw new KeyNotFoundException(ErrorMessages.UnknownProperty(name, properties.Select(p => p.Name)));
            }).ToArray();
        }

        // "All of none" would hold before the first state: a model without properties would pass after
        // one state. A condition over no properties never holds, so such runs are exhaustive.
        var failures = Enumerable.Range(0, properties.Count).Where(i => properties[i].Expectation.DiscoveryIsFailure()).ToArray();
        switch (_kind)
        {
            case Kind.All: return found => found.Length > 0 && found.All(f => f);
            case Kind.Any: return found => found.Any(f => f);
            case Kind.AnyFailures: return found => failures.Any(i => found[i]);
            case Kind.AllFailures: return found => failures.Length > 0 && failures.All(i => found[i]);
            case Kind.AllOf: { var indices = Indices(); return found => indices.Length > 0 && indices.All(i => found[i]); }
            default: { var indices = Indices(); return found => indices.Any(i => found[i]); }
        }
    }
}
