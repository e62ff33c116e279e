using System.Reflection;

namespace Stateright.Runtime;

/// <summary>The cases of a closed record hierarchy and how each is laid out in JSON.</summary>
internal sealed class UnionShape
{
    private UnionShape(Type union, IReadOnlyList<CaseShape> cases)
    {
        Union = union;
        Cases = cases;
        ByName = cases.ToDictionary(c => c.Name, StringComparer.Ordinal);
        ByType = cases.ToDictionary(c => c.Type);
    }

    public Type Union { get; }
    public IReadOnlyList<CaseShape> Cases { get; }
    public IReadOnlyDictionary<string, CaseShape> ByName { get; }
    public IReadOnlyDictionary<Type, CaseShape> ByType { get; }

    /// <summary>The shape of <paramref name="type"/> if it is an abstract record with sealed record cases; otherwise null.</summary>
    public static UnionShape? TryCreate(Type type)
    {
        if (!type.IsClass || !type.IsAbstract || !IsRecord(type) || type.IsGenericTypeDefinition) return null;
        var cases = FindCases(type).Select(CaseShape.Create).ToList();
        if (cases.Count == 0) return null;
        var duplicate = cases.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Record hierarchy '{type}' has two cases named '{duplicate.Key}'; externally tagged JSON needs unique case names.");
        return new UnionShape(type, cases);
    }

    private static IEnumerable<Type> FindCases(Type union)
    {
        var nested = (union.IsGenericType ? union.GetGenericTypeDefinition() : union)
            .GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic)
            .Select(t => t.IsGenericTypeDefinition && union.IsGenericType && t.GetGenericArguments().Length == union.GetGenericArguments().Length
                ? t.MakeGenericType(union.GetGenericArguments())
                : t);
        var sameAssembly = union.IsGenericType ? [] : SafeTypes(union.Assembly);
        return nested.Concat(sameAssembly)
            .Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition && union.IsAssignableFrom(t))
            .Distinct()
            .OrderBy(t => t.MetadataToken);
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.Where(t => t is not null)!; }
    }

    internal static bool IsRecord(Type type) =>
        type.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is not null;
}

/// <summary>One case of a closed record hierarchy: its JSON name, constructor and members.</summary>
internal sealed class CaseShape
{
    private CaseShape(Type type, string name, CaseLayout layout, ConstructorInfo constructor, PropertyInfo[] members)
    {
        Type = type;
        Name = name;
        Layout = layout;
        Constructor = constructor;
        Members = members;
    }

    public Type Type { get; }
    public string Name { get; }
    public CaseLayout Layout { get; }
    public ConstructorInfo Constructor { get; }

    /// <summary>The members in constructor-parameter order (positional) or declaration order (named).</summary>
    public PropertyInfo[] Members { get; }

    public static CaseShape Create(Type type)
    {
        var name = type.Name is var n && n.IndexOf('`') is var tick and > 0 ? n[..tick] : type.Name;
        var properties = type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToArray();
        var deconstruct = type.GetMethods(BindingFlags.Instance | BindingFlags.Public)
            .FirstOrDefault(m => m.Name == "Deconstruct" && m.GetParameters().All(p => p.IsOut));
        var constructors = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public);

        if (properties.Length == 0)
            return new CaseShape(type, name, CaseLayout.Unit, constructors.Single(c => c.GetParameters().Length == 0), []);

        if (deconstruct is not null)
        {
            // A positional record: its primary constructor's parameters, in order.
            var parameters = deconstruct.GetParameters();
            var members = parameters.Select(p => properties.Single(q => q.Name == p.Name)).ToArray();
            var constructor = constructors.Single(c => c.GetParameters().Select(p => p.ParameterType).SequenceEqual(members.Select(m => m.PropertyType)));
            return new CaseShape(type, name, members.Length == 1 ? CaseLayout.Newtype : CaseLayout.Tuple, constructor, members);
        }

        var parameterless = constructors.FirstOrDefault(c => c.GetParameters().Length == 0)
            ?? throw new InvalidOperationException($"Case '{type}' has named members but no parameterless constructor; make it a positional record or add one.");
        return new CaseShape(type, name, CaseLayout.Struct, parameterless, properties.Where(p => p.CanWrite).ToArray());
    }
}

/// <summary>How a case is laid out inside its tag.</summary>
internal enum CaseLayout
{
    /// <summary><c>"Name"</c></summary>
    Unit,
    /// <summary><c>{"Name": value}</c></summary>
    Newtype,
    /// <summary><c>{"Name": [a, b]}</c></summary>
    Tuple,
    /// <summary><c>{"Name": {"a": 1}}</c></summary>
    Struct,
}
