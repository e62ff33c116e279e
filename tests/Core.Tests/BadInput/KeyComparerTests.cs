using System.Collections.Frozen;
using System.Collections.Immutable;
using Stateright.Tests.TestModels;

namespace Stateright.Tests.BadInput;

/// <summary>
/// Issue 28: a set or map whose comparer equates different keys. Under
/// <see cref="StringComparer.OrdinalIgnoreCase"/> the keys are fingerprinted case-folded, so sets
/// equal under their comparer are one state; any other comparer that is not the default is refused
/// at the first state, naming the comparer.
/// </summary>
public class KeyComparerTests
{
    private static readonly StringComparer IgnoreCase = StringComparer.OrdinalIgnoreCase;

    [Fact]
    public void Case_insensitive_immutable_sets_equal_under_their_comparer_are_one_state()
    {
        var a = ImmutableHashSet.Create(IgnoreCase, "alpha", "Beta", "straße", "ǅ");
        var b = ImmutableHashSet.Create(IgnoreCase, "ALPHA", "beta", "STRAßE", "ǆ");
        Assert.True(a.SetEquals(b));
        Assert.Equal(Fingerprint.Of(a), Fingerprint.Of(b));
        Assert.NotEqual(Fingerprint.Of(a), Fingerprint.Of(a.Remove("beta")));
        Assert.NotEqual(Fingerprint.Of(a), Fingerprint.Of(a.Remove("beta").Add("gamma")));
        Assert.Equal(2, InitialValues<ImmutableHashSet<string>>.UniqueStates(a, b, a.Remove("BETA")));

        var sorted = ImmutableSortedSet.Create(IgnoreCase, "alpha", "Beta");
        Assert.Equal(Fingerprint.Of(sorted), Fingerprint.Of(ImmutableSortedSet.Create(IgnoreCase, "ALPHA", "beta")));
    }

    [Fact]
    public void Case_insensitive_map_keys_equal_under_their_comparer_are_one_state()
    {
        var a = ImmutableDictionary.Create<string, int>(IgnoreCase).Add("alpha", 1).Add("Beta", 2);
        var b = ImmutableDictionary.Create<string, int>(IgnoreCase).Add("ALPHA", 1).Add("beta", 2);
        Assert.Equal(Fingerprint.Of(a), Fingerprint.Of(b));
        Assert.NotEqual(Fingerprint.Of(a), Fingerprint.Of(a.SetItem("ALPHA", 3)));
        Assert.Equal(2, InitialValues<ImmutableDictionary<string, int>>.UniqueStates(a, b, a.SetItem("BETA", 3)));
        var sorted = ImmutableSortedDictionary.Create<string, int>(IgnoreCase).Add("alpha", 1);
        Assert.Equal(Fingerprint.Of(sorted), Fingerprint.Of(ImmutableSortedDictionary.Create<string, int>(IgnoreCase).Add("Alpha", 1)));
    }

    [Fact]
    public void Mutable_and_other_bcl_sets_and_maps_honour_a_case_insensitive_comparer_too()
    {
        Assert.Equal(Fingerprint.Of(new HashSet<string>(IgnoreCase) { "a" }), Fingerprint.Of(new HashSet<string>(IgnoreCase) { "A" }));
        Assert.Equal(Fingerprint.Of(new Dictionary<string, int>(IgnoreCase) { ["a"] = 1 }), Fingerprint.Of(new Dictionary<string, int>(IgnoreCase) { ["A"] = 1 }));
        Assert.Equal(Fingerprint.Of(new SortedSet<string>(IgnoreCase) { "a" }), Fingerprint.Of(new SortedSet<string>(IgnoreCase) { "A" }));
        Assert.Equal(Fingerprint.Of(new SortedDictionary<string, int>(IgnoreCase) { ["a"] = 1 }), Fingerprint.Of(new SortedDictionary<string, int>(IgnoreCase) { ["A"] = 1 }));
        Assert.Equal(Fingerprint.Of(new[] { "a" }.ToFrozenSet(IgnoreCase)), Fingerprint.Of(new[] { "A" }.ToFrozenSet(IgnoreCase)));
    }

    [Fact]
    public void Default_and_ordinal_comparers_keep_their_fingerprints()
    {
        var plain = ImmutableHashSet.Create("a", "B");
        Assert.Equal(Fingerprint.Of(plain), Fingerprint.Of(ImmutableHashSet.Create(StringComparer.Ordinal, "a", "B")));
        Assert.NotEqual(Fingerprint.Of(plain), Fingerprint.Of(ImmutableHashSet.Create("A", "B")));
        // A case-insensitive set of upper-case keys is the default set of those keys.
        Assert.Equal(Fingerprint.Of(ImmutableHashSet.Create("A", "B")), Fingerprint.Of(ImmutableHashSet.Create(IgnoreCase, "a", "B")));
    }

    [Fact]
    public void Case_folding_never_merges_keys_the_comparer_tells_apart_and_always_merges_keys_it_equates()
    {
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            if (char.IsSurrogate(c)) continue;
            var s = c.ToString();
            foreach (var other in new[] { char.ToUpperInvariant(c), char.ToLowerInvariant(c), char.ToLowerInvariant(char.ToUpperInvariant(c)), char.ToUpperInvariant(char.ToLowerInvariant(c)), 'S', 'I', 'K' })
            {
                var t = other.ToString();
                Assert.True(IgnoreCase.Equals(s, t) == (OneKey(s) == OneKey(t)), $"U+{code:X4} and U+{(int)other:X4}");
            }
        }
        Assert.True(IgnoreCase.Equals("\U00010428", "\U00010400")); // Deseret, outside the BMP
        Assert.Equal(OneKey("x\U00010428y"), OneKey("X\U00010400Y"));
        Assert.NotEqual(OneKey("\U00010428"), OneKey("\U00010429"));

        static ulong OneKey(string key) => Fingerprint.Of(ImmutableHashSet.Create(IgnoreCase, key));
    }

    private sealed class ByLength : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => x?.Length == y?.Length;
        public int GetHashCode(string obj) => obj.Length;
    }

    [Fact]
    public void Any_other_comparer_is_refused_at_the_first_state_naming_it()
    {
        var byLength = ImmutableHashSet.Create(new ByLength(), "ab");
        var e = Assert.Throws<UnfingerprintableTypeException>(() => Fingerprint.Of(byLength));
        Assert.Contains(typeof(ByLength).FullName!, e.Message);
        Assert.Contains("ImmutableHashSet", e.Message);
        Assert.Contains("OrdinalIgnoreCase", e.Message); // what to use instead

        var culture = ImmutableSortedSet.Create(StringComparer.InvariantCultureIgnoreCase, "ab");
        Assert.Contains("StringComparer.InvariantCultureIgnoreCase", Assert.Throws<UnfingerprintableTypeException>(() => Fingerprint.Of(culture)).Message);

        var checker = new InitialValues<ImmutableHashSet<string>>([byLength]).Checker().SpawnBfs();
        var fault = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.IsType<UnfingerprintableTypeException>(fault.InnerException);
        Assert.Contains("Holder.Value", fault.Message); // where it sits in the state
        Assert.Contains(typeof(ByLength).FullName!, fault.Message);
    }
}
