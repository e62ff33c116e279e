using System.Collections.Concurrent;

namespace Stateright.Semantics;

/// <summary>
/// Search results of consistency testers, shared by every tester with the same logical history: the
/// model checker meets one history in many states (it differs only in the rest of the system), and a
/// search can cost far more than the rest of a step. Keyed by the tester's fingerprint and confirmed
/// by equality, so a fingerprint collision never borrows another history's verdict. Bounded: when full
/// it starts over, which costs only repeated searches.
/// </summary>
/// <typeparam name="TTester">The tester type; an immutable value with content equality.</typeparam>
/// <typeparam name="TResult">What the search returns.</typeparam>
internal static class HistoryMemo<TTester, TResult> where TTester : class, IEquatable<TTester>
{
    private const int Capacity = 1 << 16;
    private static readonly ConcurrentDictionary<ulong, (TTester Tester, TResult Result)> s_results = new();

    /// <summary>The result of <paramref name="search"/> for a history equal to <paramref name="tester"/>'s, searching only the first time.</summary>
    public static TResult GetOrSearch(TTester tester, ulong fingerprint, Func<TTester, TResult> search)
    {
        if (s_results.TryGetValue(fingerprint, out var known) && known.Tester.Equals(tester)) return known.Result;
        var result = search(tester);
        if (s_results.Count >= Capacity) s_results.Clear();
        s_results[fingerprint] = (tester, result);
        return result;
    }
}
