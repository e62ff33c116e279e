namespace Stateright.Testing.Tool;

/// <summary><c>stateright reject</c>: deletes the selected received snapshots, keeping the verified ones.</summary>
internal static class RejectCommand
{
    /// <summary>Deletes every selected <c>*.received.txt</c>; prints each file deleted.</summary>
    public static int Run(string directory, SnapshotFilter filter, TextWriter output)
    {
        var rejected = 0;
        foreach (var received in SnapshotScanner.Find(directory, SnapshotScanner.ReceivedSuffix))
        {
            if (!filter.Matches(SnapshotScanner.Prefix(received, SnapshotScanner.ReceivedSuffix))) continue;
            File.Delete(received);
            output.WriteLine($"rejected {Path.GetRelativePath(directory, received)}");
            rejected++;
        }
        output.WriteLine(rejected == 0 ? $"Nothing to reject{filter.Scope}." : $"{rejected} snapshot(s) rejected.");
        return 0;
    }
}
