using Stateright.Snapshots;

namespace Stateright.Testing.Tool;

/// <summary><c>stateright list</c>: the pending received snapshots, each with a unified diff against its verified file.</summary>
internal static class ListCommand
{
    /// <summary>
    /// Prints each selected received snapshot and how it differs from the verified one (or its whole text if new).
    /// An entry that cannot be read (see <see cref="RefusedEntry"/>, or an I/O error) is reported on
    /// <paramref name="error"/> and skipped; the exit code is then <see cref="StaterightTool.Failure"/>.
    /// </summary>
    public static int Run(ReceivedSelection selection, SnapshotFilter filter, TextWriter output, TextWriter error)
    {
        var (pending, refused, unexpected) = (0, 0, 0);
        foreach (var received in selection.Files)
        {
            string? text = null;
            var reason = RefusedEntry.Reason(received, checkVerified: true);
            if (reason is null)
            {
                try { text = Describe(selection, received, output.NewLine); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { reason = $"it could not be read: {e.Message}"; }
            }
            if (text is null)
            {
                RefusedEntry.Report(error, selection.Show(received), reason!);
                refused++;
                continue;
            }
            if (pending++ > 0) output.WriteLine();
            output.Write(text);
            if (UnexpectedCounterexample.ReadMarker(received) is not null) unexpected++;
        }
        if (pending > 0) output.WriteLine();
        output.WriteLine(pending == 0 ? $"No pending snapshots{filter.Scope}." : $"{pending} pending snapshot(s): `stateright accept` or `stateright reject`.");
        if (unexpected > 0) output.WriteLine($"{unexpected} of them an unexpected counterexample, which accept refuses without {ToolArguments.IncludeUnexpectedOption}.");
        if (refused > 0) output.WriteLine($"{refused} refused.");
        return refused == 0 ? StaterightTool.Success : StaterightTool.Failure;
    }

    /// <summary>The listing of one received snapshot, every line ending with <paramref name="newLine"/>.</summary>
    private static string Describe(ReceivedSelection selection, string received, string newLine)
    {
        using var output = new StringWriter { NewLine = newLine };
        var verified = SnapshotScanner.VerifiedFor(received);
        var receivedText = SnapshotText.Read(received);
        var unexpected = UnexpectedCounterexample.ReadMarker(received) is { } u
            ? $"an unexpected counterexample: {u.Method} has no {u.Attribute}" : null;
        if (File.Exists(verified) && SnapshotText.Read(verified) == receivedText)
        {
            output.WriteLine($"unchanged {selection.Show(received)} (same text as the verified file{(unexpected is null ? "" : "; " + unexpected)})");
        }
        else if (File.Exists(verified))
        {
            output.WriteLine($"changed {selection.Show(received)}{(unexpected is null ? "" : $" ({unexpected})")}");
            output.Write(UnifiedDiff.Create(SnapshotText.Read(verified), receivedText, Path.GetFileName(verified), Path.GetFileName(received)));
        }
        else
        {
            output.WriteLine($"new {selection.Show(received)} (no verified file yet{(unexpected is null ? "" : "; " + unexpected)})");
            foreach (var line in receivedText.Split('\n')) output.WriteLine("+" + line);
        }
        return output.ToString();
    }
}
