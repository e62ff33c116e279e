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
}
