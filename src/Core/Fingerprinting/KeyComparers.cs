using System.Runtime.CompilerServices;
using System.Text;
using static Stateright.FingerprintMath;

namespace Stateright;

/// <summary>
/// The comparer of a set or map decides which keys are equal, so the fingerprint of its keys must
/// agree with it: two sets equal under their comparer must be one state. The default comparer and
/// <see cref="StringComparer.Ordinal"/> equate exactly the keys that are structurally equal;
/// <see cref="StringComparer.OrdinalIgnoreCase"/> keys are fingerprinted case-folded; any other
/// comparer (culture-aware, user-written) cannot be followed and is refused at the first state.
/// </summary>
internal static class KeyComparers
{
    /// <summary>
    /// True if the keys of a <paramref name="collectionType"/> that uses <paramref name="comparer"/>
    /// are to be fingerprinted case-folded (<see cref="OfStringIgnoringCase"/>), false if by structure.
    /// </summary>
    /// <exception cref="UnfingerprintableTypeException">The comparer is neither.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IgnoresCase<T>(object? comparer, Type collectionType) =>
        comparer is not null && !ReferenceEquals(comparer, EqualityComparer<T>.Default) && !ReferenceEquals(comparer, Comparer<T>.Default)
        && Classify<T>(comparer, collectionType);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Classify<T>(object comparer, Type collectionType)
    {
        if (StringComparer.Ordinal.Equals(comparer)) return false;
        if (typeof(T) == typeof(string) && StringComparer.OrdinalIgnoreCase.Equals(comparer)) return true;
        var name = Describe(comparer);
        var onlyStrings = StringComparer.OrdinalIgnoreCase.Equals(comparer) ? $" (whose keys are {typeof(T)}, not string)" : "";
        throw new UnfingerprintableTypeException(
            $"A '{collectionType}' in the state uses the key comparer {name}{onlyStrings}, which the fingerprint cannot follow: fingerprints compare keys by their structure, " +
            "so two collections equal under that comparer would be different states and the unique-state count would be wrong. " +
            "Create the collection with the default comparer (normalising the keys yourself, e.g. upper-casing them), StringComparer.Ordinal, " +
            $"or StringComparer.OrdinalIgnoreCase (whose string keys are fingerprinted case-folded); or implement {nameof(IFingerprintable)} on the record that holds it.")
        { OffendingType = collectionType };
    }

    private static string Describe(object comparer)
    {
        (StringComparer Comparer, string Name)[] known =
        [
            (StringComparer.OrdinalIgnoreCase, nameof(StringComparer.OrdinalIgnoreCase)),
            (StringComparer.InvariantCulture, nameof(StringComparer.InvariantCulture)),
            (StringComparer.InvariantCultureIgnoreCase, nameof(StringComparer.InvariantCultureIgnoreCase)),
            (StringComparer.CurrentCulture, nameof(StringComparer.CurrentCulture)),
            (StringComparer.CurrentCultureIgnoreCase, nameof(StringComparer.CurrentCultureIgnoreCase)),
        ];
        foreach (var (candidate, name) in known)
            if (candidate.Equals(comparer)) return $"StringComparer.{name}";
        return $"'{comparer.GetType().FullName}'";
    }

    /// <summary>
    /// A string as <see cref="StringComparer.OrdinalIgnoreCase"/> sees it: <see cref="FingerprintMath.OfString"/>
    /// of its upper-case form, computed without allocating. A character (or surrogate pair) is replaced
    /// by its invariant upper case only where the comparer calls the two equal, so keys it tells apart
    /// never share a fingerprint (e.g. U+017F, the long s, which ordinal casing keeps apart from S).
    /// </summary>
    public static ulong OfStringIgnoringCase(string? s)
    {
        if (s is null) return Fingerprint.Null;
        var h = Mix((ulong)s.Length + 0x5354524953544EUL); // OfString's seed: an upper-case key hashes as itself
        ulong chunk = 0;
        var filled = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                var (high, low) = FoldPair(c, s[i + 1]);
                Add(high, ref h, ref chunk, ref filled);
                Add(low, ref h, ref chunk, ref filled);
                i++;
            }
            else
            {
                Add(Fold(c), ref h, ref chunk, ref filled);
            }
        }
        return Combine(h, chunk);
    }

    /// <summary>Packs UTF-16 code units four to a word, little-endian, as <see cref="FingerprintMath.OfString"/> reads them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(char c, ref ulong h, ref ulong chunk, ref int filled)
    {
        chunk |= (ulong)c << (16 * filled);
        if (++filled < 4) return;
        h = Combine(h, chunk);
        chunk = 0;
        filled = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Fold(char c)
    {
        if (char.IsAscii(c)) return char.IsAsciiLetterLower(c) ? (char)(c - ('a' - 'A')) : c;
        var upper = char.ToUpperInvariant(c);
        return upper == c || !new ReadOnlySpan<char>(in c).Equals(new ReadOnlySpan<char>(in upper), StringComparison.OrdinalIgnoreCase) ? c : upper;
    }

    private static (char High, char Low) FoldPair(char high, char low)
    {
        var upper = Rune.ToUpperInvariant(new Rune(high, low));
        Span<char> original = [high, low];
        Span<char> folded = stackalloc char[2];
        if (upper.Utf16SequenceLength != 2 || upper.EncodeToUtf16(folded) != 2 || !((ReadOnlySpan<char>)original).Equals(folded, StringComparison.OrdinalIgnoreCase))
            return (high, low);
        return (folded[0], folded[1]);
    }
}
