using System.Text;

namespace Stateright.Snapshots;

/// <summary>
/// Where a trace snapshot lives: <c>&lt;directory&gt;/&lt;Type&gt;.&lt;Method&gt;.&lt;property&gt;.verified.txt</c>, with the
/// received file beside it, following Verify's conventions (nested types as <c>Outer.Inner</c>).
/// </summary>
/// <param name="Directory">The directory of the test's source file.</param>
/// <param name="Prefix">The file name before <c>.verified.txt</c>.</param>
public sealed record SnapshotPaths(string Directory, string Prefix)
{
    /// <summary>The accepted snapshot.</summary>
    public string Verified => System.IO.Path.Combine(Directory, Prefix + ".verified.txt");

    /// <summary>The snapshot a run produced that differs from (or lacks) the verified one.</summary>
    public string Received => System.IO.Path.Combine(Directory, Prefix + ".received.txt");

    /// <summary>The paths for a property of a model method.</summary>
    public static SnapshotPaths For(string directory, Type type, string method, string property) =>
        new(directory, $"{FileSafe(TypeName(type))}.{FileSafe(method)}.{FileSafe(property)}");

    /// <summary>The type's name with its declaring types, as Verify names it: <c>Outer.Inner</c>, no namespace, no generic arity.</summary>
    public static string TypeName(Type type)
    {
        var name = type.Name is var n && n.IndexOf('`') is var tick and > 0 ? n[..tick] : type.Name;
        return type.DeclaringType is { } outer ? TypeName(outer) + "." + name : name;
    }

    /// <summary>Replaces characters that are not valid in file names (on any OS) with '-'.</summary>
    public static string FileSafe(string name)
    {
        var invalid = System.IO.Path.GetInvalidFileNameChars().Concat(['<', '>', ':', '"', '/', '\\', '|', '?', '*']).ToHashSet();
        var sb = new StringBuilder(name.Length);
        foreach (var c in name) sb.Append(invalid.Contains(c) || char.IsControl(c) ? '-' : c);
        return sb.ToString().TrimEnd('.', ' ');
    }

    /// <summary>
    /// Prefixes for several properties of one method, unique even on case-insensitive file systems:
    /// a property whose prefix collides with an earlier one (ignoring case) gets a numeric suffix.
    /// </summary>
    public static IReadOnlyDictionary<string, SnapshotPaths> ForProperties(string directory, Type type, string method, IEnumerable<string> properties)
    {
        var result = new Dictionary<string, SnapshotPaths>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in properties)
        {
            var paths = For(directory, type, method, property);
            for (var i = 2; !taken.Add(paths.Prefix); i++) paths = For(directory, type, method, $"{property}_{i}");
            result[property] = paths;
        }
        return result;
    }
}
