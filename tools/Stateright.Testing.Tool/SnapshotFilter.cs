using Stateright.Snapshots;

namespace Stateright.Testing.Tool;

/// <summary>
/// Selects snapshots by test class, method and property. A snapshot's name is
/// <c>&lt;Class&gt;.&lt;Method&gt;.&lt;property&gt;</c>, where the class may contain dots (nested classes,
/// <c>Outer.Inner</c>) and so may the property, but the method never does; a name matches when some way
/// of reading it that way agrees with every filter given. Values are compared after the same
/// file-name-safe replacement the snapshots were named with, exactly (ordinal).
/// </summary>
internal sealed record SnapshotFilter(string? Class, string? Method, string? Property)
{
    /// <summary>The filter that selects every snapshot.</summary>
    public static readonly SnapshotFilter All = new(null, null, null);

    /// <summary>True if the snapshot named <paramref name="prefix"/> (the file name before <c>.received.txt</c> or <c>.verified.txt</c>) is selected.</summary>
    public bool Matches(string prefix)
    {
        if (Class is null && Method is null && Property is null) return true;
        foreach (var (type, method, property) in Readings(prefix))
        {
            if (Class is not null && type != SnapshotPaths.FileSafe(Class)) continue;
            if (Method is not null && method != SnapshotPaths.FileSafe(Method)) continue;
            if (Property is not null && property != SnapshotPaths.FileSafe(Property)) continue;
            return true;
        }
        return false;
    }

    /// <summary>Every way to read <paramref name="prefix"/> as class, method (no dot) and property.</summary>
    public static IEnumerable<(string Class, string Method, string Property)> Readings(string prefix)
    {
        for (var classEnd = prefix.IndexOf('.'); classEnd > 0; classEnd = prefix.IndexOf('.', classEnd + 1))
        {
            var methodEnd = prefix.IndexOf('.', classEnd + 1);
            if (methodEnd < 0) yield break;
            if (methodEnd == classEnd + 1) continue;
            yield return (prefix[..classEnd], prefix[(classEnd + 1)..methodEnd], prefix[(methodEnd + 1)..]);
        }
    }

    /// <summary>" for --class C" when filtering, for messages; empty for <see cref="All"/>.</summary>
    public string Scope => this == All ? "" : $" for {this}";

    /// <summary>The filter as the user wrote it, for messages: "--class C --method M".</summary>
    public override string ToString() =>
        string.Join(' ', new[] { ("--class", Class), ("--method", Method), ("--property", Property) }
            .Where(f => f.Item2 is not null).Select(f => $"{f.Item1} {f.Item2}"));
}
