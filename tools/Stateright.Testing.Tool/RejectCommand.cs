namespace Stateright.Testing.Tool;

/// <summary><c>stateright reject</c>: deletes the selected received snapshots, keeping the verified ones.</summary>
internal static class RejectCommand
{
    /// <summary>Deletes every selected <c>*.received.txt</c>; prints each file deleted.</summary>
    public static int Run(ReceivedSelection selection, SnapshotFilter filter, TextWriter output)
    {
        foreach (var received in selection.Files)
        {
            File.Delete(received);
            output.WriteLine($"rejected {selection.Show(received)}");
        }
        output.WriteLine(selection.Files.Count == 0 ? $"Nothing to reject{filter.Scope}." : $"{selection.Files.Count} snapshot(s) rejected.");
        return 0;
    }
}
