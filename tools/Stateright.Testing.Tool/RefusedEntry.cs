namespace Stateright.Testing.Tool;

/// <summary>
/// Why a received snapshot is refused: the tool never reads or writes through a symbolic link (a link
/// could make it copy a file from outside the folder, or overwrite one there), and cannot replace a
/// verified path that is a directory. A refused entry is reported and skipped; the batch goes on.
/// </summary>
internal static class RefusedEntry
{
    /// <summary>
    /// The reason to refuse <paramref name="received"/>, or null when it may be used. With
    /// <paramref name="checkVerified"/>, its verified file is checked too (accept and list read or replace it).
    /// </summary>
    public static string? Reason(string received, bool checkVerified)
    {
        if (LinkTarget(received) is { } target)
            return $"it is a symbolic link (to {target}); the tool never reads or writes through a link. Replace it with a regular file, or remove the link.";
        if (!checkVerified) return null;
        var verified = SnapshotScanner.VerifiedFor(received);
        var name = Path.GetFileName(verified);
        if (LinkTarget(verified) is { } verifiedTarget)
            return $"its verified file {name} is a symbolic link (to {verifiedTarget}); the tool never reads or writes through a link. Replace the link with a regular file, then run the command again.";
        if (Directory.Exists(verified))
            return $"its verified path {name} is a directory, not a file. Move or rename that directory, then run the command again.";
        return null;
    }

    /// <summary>Why accept refuses an unexpected counterexample without <see cref="ToolArguments.IncludeUnexpectedOption"/>.</summary>
    public static string Unexpected(Stateright.Snapshots.UnexpectedCounterexample unexpected) =>
        $"it is an unexpected counterexample: property \"{unexpected.Property}\" is violated and {unexpected.Method} does not expect it, so pinning it would not make its test pass. " +
        $"Fix the bug; or, if it is a known bug, add {unexpected.Attribute} to {unexpected.Method} and accept it with {ToolArguments.IncludeUnexpectedOption} (or run the tests again, then accept).";

    /// <summary>Prints the refusal of <paramref name="shown"/> to <paramref name="error"/>.</summary>
    public static void Report(TextWriter error, string shown, string reason) => error.WriteLine($"stateright: refused {shown}: {reason}");

    /// <summary>The target of the link at <paramref name="path"/>, or null when it is no link (or does not exist).</summary>
    private static string? LinkTarget(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target) return target;
        return info.Exists && info.Attributes.HasFlag(FileAttributes.ReparsePoint) ? "a reparse point" : null;
    }
}
