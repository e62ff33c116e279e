namespace Stateright.Testing.Tool;

/// <summary>
/// The verified snapshots a test run used, read from list files: one path per line (absolute, or
/// relative to the list file's folder); blank lines and lines starting with '#' are ignored.
/// </summary>
internal sealed class UsedSnapshots
{
    private readonly HashSet<string> _paths = new(OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads <paramref name="listPaths"/>; throws <see cref="UsageException"/> for a missing file.</summary>
    public static UsedSnapshots Load(IEnumerable<string> listPaths)
    {
        var used = new UsedSnapshots();
        foreach (var list in listPaths)
        {
            if (!File.Exists(list)) throw new UsageException($"No such list of used snapshots: {list}");
            var folder = Path.GetDirectoryName(Path.GetFullPath(list))!;
            foreach (var line in File.ReadLines(list))
            {
                var entry = line.Trim();
                if (entry.Length == 0 || entry.StartsWith('#')) continue;
                used._paths.Add(Path.GetFullPath(entry, folder));
            }
        }
        return used;
    }

    /// <summary>True if the run used the verified file at <paramref name="path"/>.</summary>
    public bool Contains(string path) => _paths.Contains(Path.GetFullPath(path));
}
