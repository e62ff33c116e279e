namespace Stateright.Semantics;

/// <summary>
/// Search results of consistency testers, shared by every tester with the same logical history: the
/// model checker meets one history in many states (it differs only in the rest of the system), and a
/// search can cost far more than the rest of a step. Keyed by the tester's fingerprint and confirmed
/// by equality, so a fingerprint collision never borrows another history's verdict.
/// </summary>
/// <remarks>
/// A direct-mapped cache of <see cref="SlotCount"/> slots, one per fingerprint's low bits: a lookup
/// reads one reference and a store writes one, with no lock, so checker threads never wait on each
/// other here. A history whose slot another history took is simply searched again, which costs time
/// and never a wrong answer (entries are immutable, and each is checked by equality before use).
/// A dictionary with a count and a clear when full was slower at two threads than at one
/// (<c>ConcurrentDictionary.Count</c> takes every lock) and, at 89,000 distinct histories for
/// <c>single-copy-register 4</c>, kept starting over.
/// </remarks>
/// <typeparam name="TTester">The tester type; an immutable value with content equality.</typeparam>
/// <typeparam name="TResult">What the search returns.</typeparam>
internal static class HistoryMemo<TTester, TResult> where TTester : class, IEquatable<TTester>
{
    private const int SlotBits = 17;
    private const int SlotCount = 1 << SlotBits; // 1 MiB of references on a 64-bit process

    private static readonly Entry?[] s_slots = new Entry?[SlotCount];

    /// <summary>The result of <paramref name="search"/> for a history equal to <paramref name="tester"/>'s, searching only the first time.</summary>
    public static TResult GetOrSearch(TTester tester, ulong fingerprint, Func<TTester, TResult> search)
    {
        // The top bits: fingerprints are well mixed there, and the visited set indexes by other bits.
        ref var slot = ref s_slots[(int)(fingerprint >> (64 - SlotBits))];
        var known = Volatile.Read(ref slot);
        if (known is not null && known.Fingerprint == fingerprint && known.Tester.Equals(tester)) return known.Result;
        var result = search(tester);
        Volatile.Write(ref slot, new Entry(fingerprint, tester, result));
        return result;
    }

    private sealed record Entry(ulong Fingerprint, TTester Tester, TResult Result);
}
