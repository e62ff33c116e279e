namespace Stateright.Snapshots;

/// <summary>Managing received and verified snapshot files, for the accept command and tests.</summary>
public static class SnapshotFiles
{
    /// <summary>
    /// Moves every <c>*.received.txt</c> under <paramref name="directory"/> (recursively) whose name
    /// contains <paramref name="filter"/> over its <c>*.verified.txt</c>; returns the verified files written.
    /// An unexpected counterexample's (see <see cref="UnexpectedCounterexample"/>) is left as it is unless
    /// <paramref name="includeUnexpected"/>.
    /// </summary>
    public static IReadOnlyList<string> Accept(string directory, string? filter = null, bool includeUnexpected = false)
    {
        var accepted = new List<string>();
        foreach (var received in Directory.EnumerateFiles(directory, "*.received.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (filter is not null && !Path.GetFileName(received).Contains(filter, StringComparison.OrdinalIgnoreCase)) continue;
            if (!includeUnexpected && UnexpectedCounterexample.ReadMarker(received) is not null) continue;
            var verified = received[..^".received.txt".Length] + ".verified.txt";
            File.Move(received, verified, overwrite: true);
            UnexpectedCounterexample.DeleteMarker(received);
            accepted.Add(verified);
        }
        return accepted;
    }

    /// <summary>
    /// The verified snapshots of a model method (<c>&lt;Type&gt;.&lt;Method&gt;.*.verified.txt</c> in
    /// <paramref name="directory"/>) that are not among <paramref name="current"/>: files left behind after
    /// a property was renamed or removed, or its discovery went away. Empty if the directory is missing.
    /// </summary>
    public static IReadOnlyList<string> Dangling(string directory, Type type, string method, IEnumerable<SnapshotPaths> current) =>
        Dangling(directory, SnapshotPaths.TypeName(type), method, current, []);

    /// <summary>
    /// The verified snapshots named <c>&lt;className&gt;.&lt;method&gt;.*.verified.txt</c> in <paramref name="directory"/>
    /// that are not among <paramref name="current"/> and do not start with any of <paramref name="otherPrefixes"/>,
    /// the <c>&lt;Class&gt;.&lt;Method&gt;.</c> starts of the other model methods with snapshots in the folder (a file
    /// name that starts with both belongs to the other method, e.g. a nested class's). Empty if the directory is missing.
    /// </summary>
    public static IReadOnlyList<string> Dangling(string directory, string className, string method, IEnumerable<SnapshotPaths> current, IEnumerable<string> otherPrefixes)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(otherPrefixes);
        if (!Directory.Exists(directory)) return [];
        var prefix = $"{SnapshotPaths.FileSafe(className)}.{SnapshotPaths.FileSafe(method)}.";
        var others = otherPrefixes.Where(p => p.Length > prefix.Length && p.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToArray();
        var used = current.Select(p => Path.GetFullPath(p.Verified)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var options = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive, AttributesToSkip = 0 };
        return Directory.EnumerateFiles(directory, "*.verified.txt", options)
            .Where(f => Path.GetFileName(f) is var name
                && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && !others.Any(o => name.StartsWith(o, StringComparison.OrdinalIgnoreCase))
                && !used.Contains(Path.GetFullPath(f)))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
