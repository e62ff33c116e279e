using System.Collections.Concurrent;

namespace Stateright.Snapshots;

/// <summary>
/// Which test owns which snapshot file in this process. Two tests whose snapshots land on the same
/// file (classes of the same name in different namespaces in one folder, <c>Foo</c> and <c>Foo&lt;T&gt;</c>)
/// would overwrite each other's pinned trace; claiming the file first detects it. Names are compared
/// ignoring case, as on case-insensitive file systems.
/// </summary>
public static class SnapshotRegistry
{
    private static readonly ConcurrentDictionary<string, string> s_owners = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Claims <paramref name="paths"/> for <paramref name="owner"/> (a test's full name); returns the
    /// other owner when the file is already claimed by a different test, otherwise null.
    /// </summary>
    public static string? Claim(SnapshotPaths paths, string owner)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var existing = s_owners.GetOrAdd(System.IO.Path.GetFullPath(paths.Verified), owner);
        return existing == owner ? null : existing;
    }

    /// <summary>The test that claimed the verified file at <paramref name="verifiedPath"/> in this process, or null.</summary>
    public static string? OwnerOf(string verifiedPath) => s_owners.TryGetValue(System.IO.Path.GetFullPath(verifiedPath), out var owner) ? owner : null;

    /// <summary>The message for a collision between <paramref name="owner"/> and <paramref name="other"/>.</summary>
    public static string CollisionMessage(SnapshotPaths paths, string owner, string other) =>
        $"Snapshot name collision: {owner} and {other} both use {System.IO.Path.GetFileName(paths.Verified)} in {paths.Directory}, " +
        "so each would overwrite the other's pinned trace. Snapshot names must be unique per directory: rename one of the classes or methods, or move one of them to another folder.";
}
