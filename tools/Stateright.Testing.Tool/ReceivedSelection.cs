namespace Stateright.Testing.Tool;

/// <summary>The received snapshots a command acts on, and the folder their names are printed relative to.</summary>
/// <param name="Root">The directory given, or the folder of the one file given.</param>
/// <param name="Files">The selected <c>*.received.txt</c> files, full paths, in ordinal order.</param>
internal sealed record ReceivedSelection(string Root, IReadOnlyList<string> Files)
{
    /// <summary>
    /// Selects the received snapshots under the directory <paramref name="path"/> that <paramref name="filter"/>
    /// matches, or just the file <paramref name="path"/> if it is a received snapshot (as a failing test names it).
    /// </summary>
    public static ReceivedSelection Select(string path, SnapshotFilter filter)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) || new FileInfo(full).LinkTarget is not null) // a link is selected, to be refused by name
        {
            if (!full.EndsWith(SnapshotScanner.ReceivedSuffix, StringComparison.Ordinal))
                throw new UsageException($"Not a received snapshot (*{SnapshotScanner.ReceivedSuffix}): {path}");
            var matches = filter.Matches(SnapshotScanner.Prefix(full, SnapshotScanner.ReceivedSuffix));
            return new ReceivedSelection(Path.GetDirectoryName(full)!, matches ? [full] : []);
        }
        if (!Directory.Exists(full)) throw new UsageException($"No such directory: {path}");
        var files = SnapshotScanner.Find(full, SnapshotScanner.ReceivedSuffix)
            .Where(f => filter.Matches(SnapshotScanner.Prefix(f, SnapshotScanner.ReceivedSuffix)))
            .ToList();
        return new ReceivedSelection(full, files);
    }

    /// <summary>How <paramref name="file"/> is printed: relative to <see cref="Root"/>.</summary>
    public string Show(string file) => Path.GetRelativePath(Root, file);
}
