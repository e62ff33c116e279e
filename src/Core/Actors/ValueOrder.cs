namespace Stateright.Actors;

/// <summary>
/// A total order on arbitrary values that is the same in every process: the values' own order when
/// they are comparable with each other, otherwise their fingerprints. Used to list actions in a fixed
/// order, which paths (index sequences) depend on.
/// </summary>
internal static class ValueOrder
{
    public static int Compare<T>(T a, T b)
    {
        if (a is IComparable<T> comparable && b is not null && a.GetType() == b.GetType())
            return comparable.CompareTo(b);
        if (a is IComparable plain && b is not null && a.GetType() == b.GetType())
            return plain.CompareTo(b);
        return Fingerprint.Of(a).CompareTo(Fingerprint.Of(b));
    }
}
