namespace Stateright.Snapshots;

/// <summary>What a compared trace is, which decides what <see cref="SnapshotVerifier.Verify"/> may write.</summary>
/// <param name="Unexpected">Set for a counterexample no <c>[ExpectDiscovery]</c> expects: never auto-accepted, and its received file is marked.</param>
/// <param name="RecordWhenNew">True for an example of a <c>Sometimes</c> property: with no verified file yet, it is recorded as the verified one.</param>
public sealed record SnapshotRole(UnexpectedCounterexample? Unexpected, bool RecordWhenNew)
{
    /// <summary>An expected counterexample: compared, written as received on a mismatch, auto-accepted when asked.</summary>
    public static SnapshotRole Expected { get; } = new(null, RecordWhenNew: false);

    /// <summary>An example of a <c>Sometimes</c> property: as <see cref="Expected"/>, and recorded when it has no verified file.</summary>
    public static SnapshotRole Example { get; } = new(null, RecordWhenNew: true);
}
