using System.Globalization;
using System.Text;

namespace Stateright.Semantics;

/// <summary>
/// Renders values the way they should read in counterexample traces: characters quoted as <c>'A'</c>,
/// strings as <c>"A"</c>, numbers in the invariant culture, <see langword="null"/> as <c>null</c>,
/// records with a compiler-generated <c>ToString</c> and collections member by member
/// (<see cref="StructuralText"/>), anything else through its own <see cref="object.ToString"/>. The output never depends on the
/// current culture.
/// </summary>
internal static class ValueText
{
    public static string Format<T>(T value) => Format(value, 0);

    /// <summary>As <see cref="Format{T}(T)"/>, inside a value nested <paramref name="depth"/> levels deep.</summary>
    public static string Format<T>(T value, int depth)
    {
        switch (value)
        {
            case null: return "null";
            case char c: return Quote(c.ToString(), '\'');
            case string s: return Quote(s, '"');
            case bool b: return b ? "true" : "false";
            case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
            default: return StructuralText.TryFormat(value, depth) ?? value.ToString() ?? "null";
        }
    }

    public static StringBuilder Append<T>(StringBuilder sb, T value) => sb.Append(Format(value));

    private static string Quote(string text, char quote)
    {
        var sb = new StringBuilder(text.Length + 2).Append(quote);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                case '\0': sb.Append(@"\0"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else if (char.IsControl(c)) sb.Append(@"\u{").Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append('}');
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }
}
