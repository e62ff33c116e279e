using Stateright.Snapshots;

namespace Stateright.Testing.Tool;

/// <summary><c>stateright accept</c>: each selected received snapshot becomes the verified one.</summary>
internal static class AcceptCommand
{
    /// <summary>
    /// Moves every selected <c>*.received.txt</c> over its <c>*.verified.txt</c>; prints each file written.
    /// An entry that cannot be accepted (see <see cref="RefusedEntry"/>, or an I/O error) is reported on
    /// <paramref name="error"/> and skipped; the exit code is then <see cref="StaterightTool.Failure"/>.
    /// So is an unexpected counterexample (its received file is marked by the test run, see
    /// <see cref="UnexpectedCounterexample"/>) unless <paramref name="includeUnexpected"/>: pinning it
    /// would not make its test pass, so it is refused as STATERIGHT_ACCEPT_SNAPSHOTS refuses it.
    /// </summary>
    public static int Run(ReceivedSelection selection, SnapshotFilter filter, bool includeUnexpected, TextWriter output, TextWriter error)
    {
        var (accepted, refused) = (0, 0);
        foreach (var received in selection.Files)
        {
            var verified = SnapshotScanner.VerifiedFor(received);
            var reason = RefusedEntry.Reason(received, checkVerified: true);
            if (reason is null)
            {
                try
                {
                    var unexpected = UnexpectedCounterexample.ReadMarker(received);
                    if (unexpected is not null && !includeUnexpected)
                    {
                        RefusedEntry.Report(error, selection.Show(received), RefusedEntry.Unexpected(unexpected));
                        refused++;
                        continue;
                    }
                    Replace(verified, received);
                    UnexpectedCounterexample.DeleteMarker(received);
                    output.WriteLine(unexpected is null ? $"accepted {selection.Show(verified)}"
                        : $"accepted {selection.Show(verified)} (an unexpected counterexample: add {unexpected.Attribute} to {unexpected.Method}, or its test keeps failing)");
                    accepted++;
                    continue;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    reason = $"it could not be moved over {Path.GetFileName(verified)}: {e.Message}";
                }
            }
            RefusedEntry.Report(error, selection.Show(received), reason);
            refused++;
        }
        output.WriteLine(selection.Files.Count == 0 ? $"Nothing to accept{filter.Scope}."
            : refused == 0 ? $"{accepted} snapshot(s) accepted."
            : $"{accepted} snapshot(s) accepted, {refused} refused.");
        return refused == 0 ? StaterightTool.Success : StaterightTool.Failure;
    }

    /// <summary>
    /// Writes the received file's bytes to a temporary file beside the verified one and renames it over
    /// the verified file, so the verified file is never half written; then deletes the received file.
    /// </summary>
    private static void Replace(string verified, string received)
    {
        var temporary = $"{verified}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.Copy(received, temporary);
            File.Move(temporary, verified, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        File.Delete(received);
    }
}
