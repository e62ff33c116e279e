using Stateright.Snapshots;

namespace Stateright.Testing.Tool;

/// <summary><c>stateright list</c>: the pending received snapshots, each with a unified diff against its verified file.</summary>
internal static class ListCommand
{
    /// <summary>Prints each selected received snapshot and how it differs from the verified one (or its whole text if new).</summary>
    public static int Run(ReceivedSelection selection, SnapshotFilter filter, TextWriter output)
    {
        var pending = 0;
        foreach (var received in selection.Files)
        {
            var verified = SnapshotScanner.VerifiedFor(received);
            var receivedText = SnapshotText.Read(received);
            if (pending++ > 0) output.WriteLine();
            if (File.Exists(verified) && SnapshotText.Read(verified) == receivedText)
            {
                output.WriteLine($"unchanged {selection.Show(received)} (same text as the verified file)");
            }
            else if (File.Exists(verified))
            {
                output.WriteLine($"changed {selection.Show(received)}");
                output.Write(UnifiedDiff.Create(SnapshotText.Read(verified), receivedText, Path.GetFileName(verified), Path.GetFileName(received)));
            }
            else
            {
                output.WriteLine($"new {selection.Show(received)} (no verified file yet)");
                foreach (var line in receivedText.Split('\n')) output.WriteLine("+" + line);
            }
        }
        if (pending > 0) output.WriteLine();
        output.WriteLine(pending == 0 ? $"No pending snapshots{filter.Scope}." : $"{pending} pending snapshot(s): `stateright accept` or `stateright reject`.");
        return 0;
    }
}
