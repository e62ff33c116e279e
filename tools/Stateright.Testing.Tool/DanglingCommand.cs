namespace Stateright.Testing.Tool;

/// <summary><c>stateright dangling</c>: verified snapshots that no test produces any more.</summary>
internal static class DanglingCommand
{
    /// <summary>
    /// Prints each verified snapshot under <paramref name="directory"/> whose class and method are not in
    /// the given test assemblies, or (with lists of used snapshots) that the test run did not use.
    /// </summary>
    public static int Run(string directory, IReadOnlyList<string> assemblies, IReadOnlyList<string> usedLists, TextWriter output)
    {
        var methods = assemblies.Count > 0 ? TestMethodIndex.Load(assemblies) : null;
        var used = usedLists.Count > 0 ? UsedSnapshots.Load(usedLists) : null;
        var dangling = 0;
        foreach (var verified in SnapshotScanner.Find(directory, SnapshotScanner.VerifiedSuffix))
        {
            var prefix = SnapshotScanner.Prefix(verified, SnapshotScanner.VerifiedSuffix);
            var reason = methods is not null && !methods.Produces(prefix) ? "no such test method in the assemblies"
                : used is not null && !used.Contains(verified) ? "not used by the test run"
                : null;
            if (reason is null) continue;
            output.WriteLine($"dangling {Path.GetRelativePath(directory, verified)} ({reason})");
            dangling++;
        }
        output.WriteLine(dangling == 0 ? "No dangling snapshots." : $"{dangling} dangling snapshot(s).");
        if (used is null)
            output.WriteLine("Checked by method only: a snapshot of a property its model no longer has is reported by the test run itself.");
        return 0;
    }
}
