using System.Collections;
using System.Text;
using System.Text.RegularExpressions;

namespace Stateright;

/// <summary>
/// BCL types whose fields hold more than their value — spare capacity, a version counter, the order
/// of past operations, lazily filled caches — and that have no value equality to fingerprint by
/// instead. Walking their fields would split one state into many (wrong unique-state counts) or change
/// a state's fingerprint when it is only read (a false "changed in place" fault), so they are refused
/// when the checker starts, with what to hold instead.
/// </summary>
/// <remarks>
/// Mutable generic collections that expose their contents (<c>List&lt;T&gt;</c>, <c>Queue&lt;T&gt;</c>,
/// <c>Stack&lt;T&gt;</c>, <c>HashSet&lt;T&gt;</c>, <c>Dictionary&lt;TKey, TValue&gt;</c>, …) are not
/// refused: they are fingerprinted by their contents, as enumerated, never by their buffers.
/// </remarks>
internal static class MutableBclTypes
{
    /// <summary>Why values of <paramref name="type"/> are refused, ending with what to use instead; null if they are not.</summary>
    public static string? Reason(Type type)
    {
        if (type == typeof(StringBuilder))
            return "it is a mutable text buffer, whose fields hold its capacity and chunk layout rather than just its text; hold the text as a string";
        if (type == typeof(BitArray))
            return "it is a mutable bit buffer, whose fields hold spare words and a version counter; hold an ImmutableArray<bool>, an integer bit mask or an ImmutableSortedSet<int> of the set bits";
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PriorityQueue<,>))
            return "it is a mutable heap, whose layout depends on the order of past operations and whose fields hold spare capacity and a version counter; " +
                   "hold an ImmutableSortedSet or ImmutableSortedDictionary keyed by priority, or an ImmutableList kept sorted";
        if (typeof(Regex).IsAssignableFrom(type))
            return "it is a mutable matcher with caches, not a value; hold the pattern string (and its RegexOptions) and build the Regex where it is used";
        if (typeof(Encoding).IsAssignableFrom(type))
            return "it is a mutable encoder object with caches and fallbacks, not a value; hold its WebName or CodePage and look the encoding up where it is used";
        if (IsNonGenericBclCollection(type))
            return "it is a mutable non-generic collection, whose fields hold spare capacity and a version counter; hold an immutable generic collection instead " +
                   "(ImmutableList<T>, ImmutableHashSet<T>, ImmutableDictionary<TKey, TValue>)";
        return null;
    }

    /// <summary><c>ArrayList</c>, <c>Hashtable</c>, the non-generic <c>Queue</c>, <c>Stack</c> and <c>SortedList</c>, <c>System.Collections.Specialized</c>…: enumerable, but not of a known element type.</summary>
    private static bool IsNonGenericBclCollection(Type type) =>
        !type.IsArray && type.Namespace?.StartsWith("System.Collections", StringComparison.Ordinal) == true
        && typeof(IEnumerable).IsAssignableFrom(type)
        && !type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
}
