namespace Stateright.Snapshots;

/// <summary>Managing received and verified snapshot files, for the accept command and tests.</summary>
public static class SnapshotFiles
{
    /// <summary>
    /// Moves every <c>*.received.txt</c> under <paramref name="directory"/> (recursively) whose name
    /// contains <paramref name="filter"/> over its <c>*.verified.txt</c>; returns the verified files written.
    /// </summary>
    public static IReadOnlyList<string> Accept(string directory, string? filter = null)
    {
        var accepted = new List<string>();
        foreach (var received in Directory.EnumerateFiles(directory, "*.received.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (filter is not null && !Path.GetFileName(received).Contains(filter, StringComparison.OrdinalIgnoreCase)) continue;
            var verified = received[..^".received.txt".Length] + ".verified.txt";
            File.Move(received, verified, overwrite: true);
            accepted.Add(verified);
        }
        return accepted;
    }

    /// <summary>
    /// The verified snapshots of a model method (<c>&lt;Type&gt;.&lt;Method&gt;.*.verified.txt</c> in
    /// <paramref name="directory"/>) that are not among <paramref name="current"/>: files left behind after
    /// a property was renamed or removed, or its discovery went away. Empty if the directory is missing.
    /// </summary>
    public static IReadOnlyList<string> Dangling(string directory, Type type, string method, IEnumerable<SnapshotPaths> current)
    {
        if (!Directory.Exists(directory)) return [];
        var prefix = $"{SnapshotPaths.FileSafe(SnapshotPaths.TypeName(type))}.{SnapshotPaths.FileSafe(method)}.";
        var used = current.Select(p => Path.GetFullPath(p.Verified)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Directory.EnumerateFiles(directory, prefix + "*.verified.txt")
            .Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !used.Contains(Path.GetFullPath(f)))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
