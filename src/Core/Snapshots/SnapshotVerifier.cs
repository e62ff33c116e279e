using DiffEngine;

namespace Stateright.Snapshots;

/// <summary>The outcome of comparing a trace with its verified snapshot.</summary>
/// <param name="Matched">True if the verified file exists and equals the trace (or it was auto-accepted).</param>
/// <param name="Message">For a mismatch, a message in Verify's layout with a unified diff; otherwise empty.</param>
/// <param name="IsNew">True when there was no verified file yet.</param>
public sealed record SnapshotResult(bool Matched, string Message, bool IsNew = false);

/// <summary>
/// Compares traces with verified snapshot files: on a missing or different verified file it writes
/// the received file, fails with a Verify-style message and a unified diff, and (off CI) launches
/// the diff tool through DiffEngine. Stale received files are removed first; on a match any diff
/// tool opened for the pair is closed.
/// </summary>
public static class SnapshotVerifier
{
    /// <summary>Compares <paramref name="text"/> with the snapshot at <paramref name="paths"/>.</summary>
    public static SnapshotResult Verify(SnapshotPaths paths, string text, SnapshotEnvironment environment)
    {
        var received = SnapshotText.Normalize(text);
        if (File.Exists(paths.Received)) File.Delete(paths.Received);
        var exists = File.Exists(paths.Verified);
        var verified = exists ? SnapshotText.Read(paths.Verified) : null;
        if (verified == received)
        {
            if (environment.DiffToolEnabled) TryKill(paths);
            return new SnapshotResult(true, "");
        }
        if (environment.AutoAccept)
        {
            SnapshotText.Write(paths.Verified, received);
            return new SnapshotResult(true, "");
        }

        SnapshotText.Write(paths.Received, received);
        var message = $"Directory: {paths.Directory}\n{(exists ? "NotEqual" : "New")}:\n  - Received: {Path.GetFileName(paths.Received)}\n    Verified: {Path.GetFileName(paths.Verified)}\n";
        message += exists
            ? "\n" + UnifiedDiff.Create(verified!, received, Path.GetFileName(paths.Verified), Path.GetFileName(paths.Received))
            : "\nNo verified snapshot yet. Received:\n" + received + "\n";
        message += $"\nTo accept: move the received file over the verified one, e.g. `dotnet run --project tools/AcceptSnapshots -- \"{paths.Directory}\"`, or set {SnapshotEnvironment.AutoAcceptVariable}=true locally.";
        if (environment.DiffToolEnabled) TryLaunch(paths);
        return new SnapshotResult(false, message, IsNew: !exists);
    }

    private static void TryLaunch(SnapshotPaths paths)
    {
        try
        {
            DiffRunner.LaunchAsync(paths.Received, paths.Verified).GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // A missing or failing diff tool must never fail the test for a different reason.
        }
    }

    private static void TryKill(SnapshotPaths paths)
    {
        try { DiffRunner.Kill(paths.Received, paths.Verified); }
        catch (Exception) { }
    }
}
