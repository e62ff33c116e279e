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

    /// <summary>There was no verified file; the trace (a first example) was written as the verified one.</summary>
    Recorded,

    /// <summary>There is no verified file and the trace (a first example) was not recorded, as this is a CI build; nothing was written.</summary>
    NotRecorded,
}

/// <summary>The outcome of comparing a trace with its verified snapshot.</summary>
/// <param name="Status">How it compared.</param>
/// <param name="Paths">The snapshot's files.</param>
/// <param name="Diff">For <see cref="SnapshotStatus.Different"/>, a unified diff from verified to received.</param>
public sealed record SnapshotResult(SnapshotStatus Status, SnapshotPaths Paths, string? Diff = null)
{
    /// <summary>Set when the trace is a counterexample no <c>[ExpectDiscovery]</c> expects (its received file is marked as such).</summary>
    public UnexpectedCounterexample? Unexpected { get; init; }

    /// <summary>True when the test may pass: the snapshot matched, was accepted, or was a first example (recorded, or not on CI).</summary>
    public bool Matched => Status is SnapshotStatus.Matched or SnapshotStatus.Accepted or SnapshotStatus.Recorded or SnapshotStatus.NotRecorded;

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
        text += Unexpected is null
            ? $"\nTo accept: stateright accept \"{Paths.Received}\" (install once: {SnapshotEnvironment.ToolInstallCommand}), or move {received} over {verified}."
            : $"\nTo pin it as a known bug: add {Unexpected.Attribute} to {Unexpected.Method}, then stateright accept --include-unexpected \"{Paths.Received}\" " +
              $"(install once: {SnapshotEnvironment.ToolInstallCommand}). Without that option stateright accept refuses it: it is an unexpected counterexample.";
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
    /// Compares <paramref name="text"/> with the snapshot at <paramref name="paths"/>, as <paramref name="role"/> says (by default an expected discovery):
    /// an unexpected counterexample is never auto-accepted, and its received file gets a marker
    /// (<see cref="UnexpectedCounterexample.MarkerFor"/>) so that the tool refuses it too; a first example with
    /// no verified file is recorded as the verified snapshot (off CI; on CI nothing is written).
    /// </summary>
    /// <exception cref="IOException">The verified path is a directory, or the files cannot be read or written.</exception>
    public static SnapshotResult Verify(SnapshotPaths paths, string text, SnapshotEnvironment environment, SnapshotRole? role = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(environment);
        role ??= SnapshotRole.Expected;
        foreach (var file in new[] { paths.Verified, paths.Received })
            if (Directory.Exists(file))
                throw new IOException($"The snapshot path {file} is a directory, not a file: remove or rename that directory.");
        var received = SnapshotText.Normalize(text);
        if (File.Exists(paths.Received)) File.Delete(paths.Received);
        UnexpectedCounterexample.DeleteMarker(paths.Received);
        var exists = File.Exists(paths.Verified);
        var verified = exists ? SnapshotText.Read(paths.Verified) : null;
        if (verified == received)
        {
            if (environment.DiffToolEnabled) TryKill(paths);
            return new SnapshotResult(SnapshotStatus.Matched, paths);
        }
        if (environment.AutoAccept && role.Unexpected is null)
        {
            SnapshotText.Write(paths.Verified, received);
            return new SnapshotResult(SnapshotStatus.Accepted, paths);
        }
        if (!exists && role.RecordWhenNew)
        {
            // A first example of something that is supposed to be reachable: nothing is hidden by pinning it.
            if (environment.IsContinuousIntegration) return new SnapshotResult(SnapshotStatus.NotRecorded, paths);
            SnapshotText.Write(paths.Verified, received);
            return new SnapshotResult(SnapshotStatus.Recorded, paths);
        }

        // The marker first: a received file without one is never an unexpected counterexample's.
        if (role.Unexpected is not null)
        {
            System.IO.Directory.CreateDirectory(paths.Directory);
            role.Unexpected.WriteMarker(paths.Received);
        }
        SnapshotText.Write(paths.Received, received);
        if (environment.DiffToolEnabled) TryLaunch(paths);
        return exists
            ? new SnapshotResult(SnapshotStatus.Different, paths, UnifiedDiff.Create(verified!, received, Path.GetFileName(paths.Verified), Path.GetFileName(paths.Received))) { Unexpected = role.Unexpected }
            : new SnapshotResult(SnapshotStatus.New, paths) { Unexpected = role.Unexpected };
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
