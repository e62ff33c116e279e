namespace Stateright;

/// <summary>Lock-free updates the engines share.</summary>
internal static class Atomic
{
    /// <summary>Lowers <paramref name="target"/> to <paramref name="value"/> if that is smaller.</summary>
    public static void Min(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }

    /// <summary>Raises <paramref name="target"/> to <paramref name="value"/> if that is larger.</summary>
    public static void Max(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
