using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Stateright.Semantics;

/// <summary>
/// Renders records whose <c>ToString</c> the compiler generated, and collections, member by member
/// through <see cref="ValueText"/>: so a null member reads <c>null</c> (not blank), a char member
/// <c>'A'</c>, a list <c>[1, 2]</c> (not its CLR type name), and sets and maps in a sorted order that
/// does not depend on hash codes (string hashes differ per process, which would make traces unstable).
/// Types with a <c>ToString</c> of their own keep it.
/// </summary>
internal static class StructuralText
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]?> s_recordMembers = new();

    /// <summary>The structural text of <paramref name="value"/>, or null when its own <c>ToString</c> applies.</summary>
    public static string? TryFormat(object value, int depth)
    {
        if (depth > 16) return null; // deeply nested (or cyclic) values fall back to their own ToString
        var type = value.GetType();
        if (RecordMembers(type) is { } members) return FormatRecord(value, type, members, depth);
        return value switch
        {
            IDictionary dictionary when !HasOwnToString(type) => FormatMap(dictionary, depth),
            IEnumerable sequence when !HasOwnToString(type) => FormatSequence(sequence, IsSet(type), depth),
            _ => null,
        };
    }

    private static string FormatRecord(object value, Type type, PropertyInfo[] members, int depth)
    {
        var sb = new StringBuilder(TypeName(type)).Append(" {");
        for (var i = 0; i < members.Length; i++)
        {
            sb.Append(i == 0 ? " " : ", ").Append(members[i].Name).Append(" = ");
            sb.Append(ValueText.Format(members[i].GetValue(value), depth + 1));
        }
        return sb.Append(members.Length == 0 ? "}" : " }").ToString();
    }

    private static string FormatSequence(IEnumerable sequence, bool isSet, int depth)
    {
        var items = sequence.Cast<object?>().Select(item => ValueText.Format(item, depth + 1));
        if (isSet) items = items.Order(StringComparer.Ordinal);
        return (isSet ? "{" : "[") + string.Join(", ", items) + (isSet ? "}" : "]");
    }

    private static string FormatMap(IDictionary map, int depth)
    {
        var entries = new List<string>();
        foreach (DictionaryEntry entry in map) entries.Add($"{ValueText.Format(entry.Key, depth + 1)}: {ValueText.Format(entry.Value, depth + 1)}");
        entries.Sort(StringComparer.Ordinal);
        return "{" + string.Join(", ", entries) + "}";
    }

    /// <summary>The public members a compiler-generated record <c>ToString</c> prints, or null for other types.</summary>
    private static PropertyInfo[]? RecordMembers(Type type) => s_recordMembers.GetOrAdd(type, static t =>
    {
        var toString = t.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        if (toString?.DeclaringType != t || toString.GetCustomAttribute<CompilerGeneratedAttribute>(inherit: false) is null) return null;
        if (t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is null) return null;
        return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true } && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .ToArray();
    });

    private static bool HasOwnToString(Type type)
    {
        var declaring = type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType;
        // Framework collections print their type name; a user type that overrides ToString means it.
        return declaring is not null && declaring != typeof(object) && declaring.Assembly != typeof(object).Assembly
            && declaring.Assembly != typeof(System.Collections.Immutable.ImmutableArray).Assembly && !declaring.IsArray;
    }

    private static bool IsSet(Type type) => type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
        && (d == typeof(ISet<>) || d == typeof(IReadOnlySet<>) || d == typeof(System.Collections.Immutable.IImmutableSet<>)));

    private static string TypeName(Type type) => type.Name is var n && n.IndexOf('`') is var tick and > 0 ? n[..tick] : type.Name;
}
