using System.Globalization;
using System.Security.Cryptography;
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

    /// <summary>
    /// The longest file name, in UTF-8 bytes, before <c>.verified.txt</c>: file systems allow 255 bytes per
    /// name, and the temporary files written beside a snapshot (atomic writes) add up to 51.
    /// </summary>
    public const int MaxPrefixBytes = 180;

    /// <summary>The paths for a property of a model method of <paramref name="type"/>, named as <see cref="TypeName"/> names it.</summary>
    public static SnapshotPaths For(string directory, Type type, string method, string property) =>
        For(directory, TypeName(type), method, property);

    /// <summary>
    /// The paths for a property of a model method of the class named <paramref name="className"/> in snapshots
    /// (<see cref="TypeName"/>, or with its namespace when another class of that name has snapshots in the folder).
    /// A name longer than <see cref="MaxPrefixBytes"/> keeps <c>&lt;Class&gt;.&lt;Method&gt;.</c>, shortens the
    /// property and ends with <c>~</c> and 8 hex digits of a SHA-256 hash of the whole name: the same on every
    /// run and machine, and different for names that differ anywhere.
    /// </summary>
    public static SnapshotPaths For(string directory, string className, string method, string property)
    {
        ArgumentNullException.ThrowIfNull(className);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(property);
        return new(directory, Shorten($"{FileSafe(className)}.{FileSafe(method)}.", FileSafe(property)));
    }

    /// <summary>Shortens <paramref name="head"/> + <paramref name="tail"/> to <see cref="MaxPrefixBytes"/>, with a hash of the whole.</summary>
    private static string Shorten(string head, string tail)
    {
        var whole = head + tail;
        if (Encoding.UTF8.GetByteCount(whole) <= MaxPrefixBytes) return whole;
        var hash = "~" + string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(whole)).Take(4).Select(b => b.ToString("x2", CultureInfo.InvariantCulture))); // Convert.ToHexStringLower is .NET 9+
        var room = MaxPrefixBytes - hash.Length - Encoding.UTF8.GetByteCount(head);
        return room >= 16 ? head + Truncate(tail, room) + hash : Truncate(whole, MaxPrefixBytes - hash.Length) + hash;
    }

    /// <summary>The longest start of <paramref name="text"/> of at most <paramref name="bytes"/> UTF-8 bytes, never splitting a character.</summary>
    private static string Truncate(string text, int bytes)
    {
        var length = 0;
        var count = 0;
        while (length < text.Length)
        {
            var width = char.IsHighSurrogate(text[length]) && length + 1 < text.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(length, width));
            if (count + size > bytes) break;
            count += size;
            length += width;
        }
        return text[..length].TrimEnd('.', ' ');
    }

    /// <summary>The type's name with its declaring types, as Verify names it: <c>Outer.Inner</c>, no namespace, no generic arity.</summary>
    /// <remarks>Model tests add the namespace (<see cref="QualifiedTypeName"/>) when two classes of one name have snapshots in one folder.</remarks>
    public static string TypeName(Type type)
    {
        var name = type.Name is var n && n.IndexOf('`') is var tick and > 0 ? n[..tick] : type.Name;
        return type.DeclaringType is { } outer ? TypeName(outer) + "." + name : name;
    }

    /// <summary>The type's name with its namespace: <c>Ns.Outer.Inner</c>, no generic arity.</summary>
    public static string QualifiedTypeName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return string.IsNullOrEmpty(type.Namespace) ? TypeName(type) : type.Namespace + "." + TypeName(type);
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
    public static IReadOnlyDictionary<string, SnapshotPaths> ForProperties(string directory, Type type, string method, IEnumerable<string> properties) =>
        ForProperties(directory, TypeName(type), method, properties);

    /// <summary>As <see cref="ForProperties(string, Type, string, IEnumerable{string})"/>, for the class named <paramref name="className"/> in snapshots.</summary>
    public static IReadOnlyDictionary<string, SnapshotPaths> ForProperties(string directory, string className, string method, IEnumerable<string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var result = new Dictionary<string, SnapshotPaths>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in properties)
        {
            var paths = For(directory, className, method, property);
            for (var i = 2; !taken.Add(paths.Prefix); i++) paths = For(directory, className, method, $"{property}_{i}");
            result[property] = paths;
        }
        return result;
    }
}
