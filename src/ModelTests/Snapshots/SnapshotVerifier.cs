using DiffEngine;

namespace Stateright.Snapshots;

/// <summary>How a trace compared with its verified snapshot.</summary>
public enum SnapshotStatus
{
    /// <summary>The verified file exists and equals the trace.</summary>
    Matched,

    /// <summary>The trace differed or was new, and was written over the verified file (auto-accept).</summary>
    Accepted,

    /// <summary>There is no verified file yet; the received file was written.</summary>
    New,

    /// <summary>The verified file differs from the trace; the received file was written.</summary>
    Different,
}

/// <summary>The outcome of comparing a trace with its verified snapshot.</summary>
/// <param name="Status">How it compared.</param>
/// <param name="Paths">The snapshot's files.</param>
/// <param name="Diff">For <see cref="SnapshotStatus.Different"/>, a unified diff from verified to received.</param>
public sealed record SnapshotResult(SnapshotStatus Status, SnapshotPaths Paths, string? Diff = null)
{
    /// <summary>True when the test may pass: the snapshot matched or was accepted.</summary>
    public bool Matched => Status is SnapshotStatus.Matched or SnapshotStatus.Accepted;

    /// <summary>
    /// For a mismatch, the Verify-style block tools parse (<c>Directory: … New:|NotEqual: - Received: … Verified: …</c>),
    /// the diff, and how to accept; empty otherwise.
    /// </summary>
    public string Describe(SnapshotEnvironment environment)
    {
        if (Matched) return "";
        var received = System.IO.Path.GetFileName(Paths.Received);
        var verified = System.IO.Path.GetFileName(Paths.Verified);
        var text = $"Directory: {Paths.Directory}\n{(Status == SnapshotStatus.New ? "New" : "NotEqual")}:\n  - Received: {received}\n    Verified: {verified}\n";
        if (Diff is not null) text += "\n" + Diff;
        text += $"\nTo accept: stateright accept \"{Paths.Received}\" (install once: {SnapshotEnvironment.ToolInstallCommand}), or move {received} over {verified}.";
        if (environment.AutoAcceptIgnored)
            text += $"\n{SnapshotEnvironment.AutoAcceptVariable} is set but was ignored: this is a CI build, where snapshots are only compared, never written.";
        return text;
    }
}

/// <summary>
/// Compares traces with verified snapshot files: on a missing or different verified file it writes
/// the received file (atomically) and, off CI, launches the diff tool through DiffEngine. Stale
/// received files are removed first; on a match any diff tool opened for the pair is closed.
/// </summary>
public static class SnapshotVerifier
{
    /// <summary>
    /// Compares <paramref name="text"/> with the snapshot at <paramref name="paths"/>.
    /// <paramref name="mayAutoAccept"/> says whether this snapshot may be accepted by
    /// <see cref="SnapshotEnvironment.AutoAccept"/> (expected discoveries and examples only).
    /// </summary>
    /// <exception cref="IOException">The verified path is a directory, or the files cannot be read or written.</exception>
    public static SnapshotResult Verify(SnapshotPaths paths, string text, SnapshotEnvironment environment, bool mayAutoAccept = true)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var file in new[] { paths.Verified, paths.Received })
            if (Directory.Exists(file))
                throw new IOException($"The snapshot path {file} is a directory, not a file: remove or rename that directory.");
        var received = SnapshotText.Normalize(text);
        if (File.Exists(paths.Received)) File.Delete(paths.Received);
        var exists = File.Exists(paths.Verified);
        var verified = exists ? SnapshotText.Read(paths.Verified) : null;
        if (verified == received)
        {
            if (environment.DiffToolEnabled) TryKill(paths);
            return new SnapshotResult(SnapshotStatus.Matched, paths);
        }
        if (environment.AutoAccept && mayAutoAccept)
        {
            SnapshotText.Write(paths.Verified, received);
            return new SnapshotResult(SnapshotStatus.Accepted, paths);
        }

        SnapshotText.Write(paths.Received, received);
        if (environment.DiffToolEnabled) TryLaunch(paths);
        return exists
            ? new SnapshotResult(SnapshotStatus.Different, paths, UnifiedDiff.Create(verified!, received, Path.GetFileName(paths.Verified), Path.GetFileName(paths.Received)))
            : new SnapshotResult(SnapshotStatus.New, paths);
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
