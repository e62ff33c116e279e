namespace Stateright.Explorer.Api;

/// <summary>A type's name as C# writes it, without namespaces or arity marks: <c>ActorModel&lt;RegisterMsg&lt;UInt64, Char, Unit&gt;, …&gt;</c>.</summary>
internal static class TypeNames
{
    public static string Friendly(Type type)
    {
        if (!type.IsGenericType) return type.Name;
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0) name = name[..tick];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Friendly))}>";
    }
}
