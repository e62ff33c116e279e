namespace Stateright.Testing.Tool;

/// <summary>Finds snapshot files under a directory, recursively, skipping build output and tool folders and never entering a folder that is a link.</summary>
internal static class SnapshotScanner
{
    /// <summary>The end of a received snapshot's file name.</summary>
    public const string ReceivedSuffix = ".received.txt";

    /// <summary>The end of a verified snapshot's file name.</summary>
    public const string VerifiedSuffix = ".verified.txt";

    /// <summary>Folders that never hold snapshots of source files: build output, version control, IDE state, packages.</summary>
    public static readonly IReadOnlySet<string> SkippedFolders =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", ".vs", ".idea", "node_modules", "TestResults" };

    /// <summary>The files under <paramref name="directory"/> whose names end with <paramref name="suffix"/>, in ordinal order of their paths.</summary>
    public static IReadOnlyList<string> Find(string directory, string suffix)
    {
        var found = new List<string>();
        var pending = new Stack<string>([directory]);
        // Files that are links are found, so that a command can refuse them by name; folders that are links are not entered.
        var files = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 };
        var folders = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        while (pending.TryPop(out var folder))
        {
            found.AddRange(Directory.EnumerateFiles(folder, "*" + suffix, files).Where(f => f.EndsWith(suffix, StringComparison.Ordinal)));
            foreach (var child in Directory.EnumerateDirectories(folder, "*", folders))
                if (!SkippedFolders.Contains(Path.GetFileName(child))) pending.Push(child);
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>The snapshot's name: its file name without <paramref name="suffix"/>.</summary>
    public static string Prefix(string file, string suffix) => Path.GetFileName(file)[..^suffix.Length];

    /// <summary>The verified file beside a received one.</summary>
    public static string VerifiedFor(string received) => received[..^ReceivedSuffix.Length] + VerifiedSuffix;
}
