namespace Stateright.Testing.Tool;

/// <summary><c>stateright reject</c>: deletes the selected received snapshots, keeping the verified ones.</summary>
internal static class RejectCommand
{
    /// <summary>
    /// Deletes every selected <c>*.received.txt</c>; prints each file deleted. A link or a file that cannot be
    /// deleted is reported on <paramref name="error"/> and skipped; the exit code is then <see cref="StaterightTool.Failure"/>.
    /// </summary>
    public static int Run(ReceivedSelection selection, SnapshotFilter filter, TextWriter output, TextWriter error)
    {
        var (rejected, refused) = (0, 0);
        foreach (var received in selection.Files)
        {
            var reason = RefusedEntry.Reason(received, checkVerified: false);
            if (reason is null)
            {
                try
                {
                    File.Delete(received);
                    Stateright.Snapshots.UnexpectedCounterexample.DeleteMarker(received);
                    output.WriteLine($"rejected {selection.Show(received)}");
                    rejected++;
                    continue;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    reason = $"it could not be deleted: {e.Message}";
                }
            }
            RefusedEntry.Report(error, selection.Show(received), reason);
            refused++;
        }
        output.WriteLine(selection.Files.Count == 0 ? $"Nothing to reject{filter.Scope}."
            : refused == 0 ? $"{rejected} snapshot(s) rejected."
            : $"{rejected} snapshot(s) rejected, {refused} refused.");
        return refused == 0 ? StaterightTool.Success : StaterightTool.Failure;
    }
}
