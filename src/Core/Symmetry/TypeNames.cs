using System.Text;

namespace Stateright;

/// <summary>Type names as C# spells them (<c>Outer.Inner&lt;Id, char&gt;</c>), for error messages: never the CLR's <c>`1[…]</c> form.</summary>
internal static class TypeNames
{
    public static string Readable(Type type)
    {
        var sb = new StringBuilder();
        Append(sb, type);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            Append(sb, inner);
            sb.Append('?');
            return;
        }
        if (type.IsArray)
        {
            Append(sb, type.GetElementType()!);
            sb.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
            return;
        }
        if (s_keywords.TryGetValue(type, out var keyword))
        {
            sb.Append(keyword);
            return;
        }
        // Nested types carry their outer type's generic arguments first.
        var arguments = type.GetGenericArguments();
        var used = 0;
        if (type.DeclaringType is { } outer && !type.IsGenericParameter)
        {
            var outerCount = outer.GetGenericArguments().Length;
            Append(sb, outer.IsGenericTypeDefinition && outerCount > 0 && arguments.Length >= outerCount ? outer.MakeGenericType(arguments[..outerCount]) : outer);
            sb.Append('.');
            used = outerCount;
        }
        var name = type.Name;
        var tick = name.IndexOf('`');
        sb.Append(tick < 0 ? name : name[..tick]);
        if (arguments.Length > used && tick >= 0)
        {
            sb.Append('<');
            for (var i = used; i < arguments.Length; i++)
            {
                if (i > used) sb.Append(", ");
                Append(sb, arguments[i]);
            }
            sb.Append('>');
        }
    }

    private static readonly Dictionary<Type, string> s_keywords = new()
    {
        [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(char)] = "char",
        [typeof(short)] = "short", [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint",
        [typeof(long)] = "long", [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double",
        [typeof(decimal)] = "decimal", [typeof(string)] = "string", [typeof(object)] = "object",
    };
}
