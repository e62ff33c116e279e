using System.Collections.Concurrent;
using System.Reflection;

namespace Stateright.Actors;

/// <summary>
/// Whether a type's structural fingerprint covers its whole value, so that two values with equal
/// fingerprints can stand for each other (as <see cref="ValuePool{T}"/> lets them): no field marked
/// <see cref="FingerprintIgnoreAttribute"/> (Raft's nodes leave delivered payloads out, yet act on
/// them), no custom <see cref="IFingerprintable"/>, and no field whose runtime type is open (object,
/// interface, abstract or non-sealed class), at any depth. Known immutable and generic collections
/// count by their element types. Computed once per type.
/// </summary>
internal static class WholeFingerprint
{
    private static readonly ConcurrentDictionary<Type, bool> s_types = new();

    public static bool Covers(Type type) => s_types.GetOrAdd(type, static t => Covers(t, []));

    private static bool Covers(Type type, HashSet<Type> visiting)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)) return true;
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Covers(underlying, visiting);
        if (type.IsArray) return Covers(type.GetElementType()!, visiting);
        if (typeof(IFingerprintable).IsAssignableFrom(type)) return false;
        if (type.IsGenericType && type.Namespace is "System.Collections.Immutable" or "System.Collections.Generic")
            return type.GetGenericArguments().All(a => Covers(a, visiting));
        if (type.IsInterface || type.IsAbstract || (type.IsClass && !type.IsSealed)) return false;
        if (!visiting.Add(type)) return true; // already being checked further up
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.IsDefined(typeof(FingerprintIgnoreAttribute), inherit: true)) return false;
                if (!Covers(field.FieldType, visiting)) return false;
            }
        }
        return true;
    }
}
