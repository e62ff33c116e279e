namespace Stateright.Testing.Tool;

/// <summary><c>stateright accept</c>: each selected received snapshot becomes the verified one.</summary>
internal static class AcceptCommand
{
    /// <summary>Moves every selected <c>*.received.txt</c> over its <c>*.verified.txt</c>; prints each file written.</summary>
    public static int Run(ReceivedSelection selection, SnapshotFilter filter, TextWriter output)
    {
        foreach (var received in selection.Files)
        {
            var verified = SnapshotScanner.VerifiedFor(received);
            Replace(verified, received);
            output.WriteLine($"accepted {selection.Show(verified)}");
        }
        output.WriteLine(selection.Files.Count == 0 ? $"Nothing to accept{filter.Scope}." : $"{selection.Files.Count} snapshot(s) accepted.");
        return 0;
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
