using System.Text;

namespace Stateright;

/// <summary>
/// A type name that does not depend on assembly versions (unlike <see cref="Type.FullName"/> for
/// generic types), so type tags in fingerprints are equal across runtimes and machines.
/// </summary>
internal static class StableTypeName
{
    public static string Of(Type type)
    {
        var sb = new StringBuilder();
        Append(sb, type);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, Type type)
    {
        if (type.IsArray)
        {
            Append(sb, type.GetElementType()!);
            sb.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
            return;
        }
        if (type.IsGenericParameter)
        {
            sb.Append(type.Name);
            return;
        }
        if (type.DeclaringType is { } outer)
        {
            Append(sb, outer.IsGenericTypeDefinition || !outer.IsGenericType ? outer : outer.GetGenericTypeDefinition());
            sb.Append('+');
        }
        else if (!string.IsNullOrEmpty(type.Namespace))
        {
            sb.Append(type.Namespace).Append('.');
        }
        sb.Append(type.Name);
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            sb.Append('[');
            var args = type.GetGenericArguments();
            for (var i = 0; i < args.Length; i++)
            {
                if (i > 0) sb.Append(',');
                Append(sb, args[i]);
            }
            sb.Append(']');
        }
    }
}
