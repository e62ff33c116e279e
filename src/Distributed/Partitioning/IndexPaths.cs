namespace Stateright.Distributed;

/// <summary>
/// The canonical order of states within a BFS level: by index path, compared element by element. The
/// one-machine BFS orders each level by (parent position, action index), and its parents' positions are
/// in the same order one level up, so its level order is exactly this order, and the parent it keeps for
/// a state is the one whose index path is smallest. Partitions choose the same parent by comparing paths.
/// </summary>
internal static class IndexPaths
{
    public static int Compare(int[] a, int[] b)
    {
        var common = Math.Min(a.Length, b.Length);
        for (var i = 0; i < common; i++)
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>The partition that owns a state: fingerprints are already well mixed, so the remainder spreads them evenly.</summary>
    public static int Owner(ulong key, int partitions) => (int)(key % (ulong)partitions);

    public static string Format(int[] path) => string.Join('/', path);
}
