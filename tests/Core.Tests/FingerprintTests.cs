using System.Collections.Immutable;

namespace Stateright.Tests;

public class FingerprintTests
{
    public sealed record Server(string Name, ImmutableArray<int> Log, ImmutableHashSet<string> Peers, ImmutableDictionary<string, int> Votes);

    public abstract record Msg
    {
        public sealed record Put(int Id, char Value) : Msg;
        public sealed record Get(int Id) : Msg;
    }

    public sealed record Envelope(Msg Msg, (int Src, int Dst) Route);

    public sealed record WithDelegate(int Count, Func<int> Callback);

    public sealed record Nested(ImmutableList<WithDelegate> Items);

    public sealed record Cached(int Value)
    {
        [field: FingerprintIgnore] public int CacheHits { get; set; }
    }

    public sealed class Custom(int id) : IFingerprintable
    {
        public int Id { get; } = id;
        public int Noise { get; set; }
        public ulong GetFingerprint() => Fingerprint.Of(Id);
    }

    private static Server MakeServer(int[] log, string[] peers) =>
        new("s1", [.. log], [.. peers], ImmutableDictionary<string, int>.Empty.Add("a", 1).Add("b", 2));

    [Fact]
    public void Immutable_arrays_are_compared_by_content_not_reference()
    {
        var a = MakeServer([1, 2, 3], ["x"]);
        var b = MakeServer([1, 2, 3], ["x"]);
        Assert.NotEqual(a, b); // C# record equality compares ImmutableArray by reference...
        Assert.Equal(Fingerprint.Of(a), Fingerprint.Of(b)); // ...the fingerprint does not.
        Assert.NotEqual(Fingerprint.Of(a), Fingerprint.Of(MakeServer([1, 3, 2], ["x"])));
    }

    [Fact]
    public void Sets_and_maps_ignore_order()
    {
        var forward = ImmutableHashSet.Create("alpha", "beta", "gamma", "delta");
        var backward = ImmutableHashSet.Create("delta", "gamma", "beta", "alpha");
        Assert.Equal(Fingerprint.Of(forward), Fingerprint.Of(backward));
        Assert.Equal(Fingerprint.Of(new HashSet<int> { 1, 2, 3 }), Fingerprint.Of(new HashSet<int> { 3, 2, 1 }));
        var map1 = ImmutableDictionary<int, string>.Empty.Add(1, "a").Add(2, "b");
        var map2 = ImmutableDictionary<int, string>.Empty.Add(2, "b").Add(1, "a");
        Assert.Equal(Fingerprint.Of(map1), Fingerprint.Of(map2));
        Assert.NotEqual(Fingerprint.Of(map1), Fingerprint.Of(map1.SetItem(1, "c")));
        Assert.NotEqual(Fingerprint.Of(forward), Fingerprint.Of(forward.Remove("beta")));
    }

    [Fact]
    public void Sequences_are_order_sensitive()
    {
        Assert.NotEqual(Fingerprint.Of(ImmutableList.Create(1, 2)), Fingerprint.Of(ImmutableList.Create(2, 1)));
        Assert.NotEqual(Fingerprint.Of(new[] { 1, 2 }), Fingerprint.Of(new[] { 2, 1 }));
        Assert.NotEqual(Fingerprint.Of(ImmutableArray.Create(1)), Fingerprint.Of(ImmutableArray.Create(1, 0)));
    }

    [Fact]
    public void Polymorphic_members_include_the_runtime_case()
    {
        Msg put = new Msg.Put(1, 'A');
        Msg get = new Msg.Get(1);
        Assert.NotEqual(Fingerprint.Of(put), Fingerprint.Of(get));
        Assert.Equal(Fingerprint.Of(new Envelope(put, (1, 0))), Fingerprint.Of(new Envelope(new Msg.Put(1, 'A'), (1, 0))));
        Assert.NotEqual(Fingerprint.Of(new Envelope(put, (1, 0))), Fingerprint.Of(new Envelope(put, (0, 1))));
    }

    [Fact]
    public void Values_are_pinned_across_processes_and_machines()
    {
        // Fixed numbers: a change here changes every stored trace and must be deliberate.
        Assert.Equal([10476045954299292150UL, 12058926934050108962UL, 1445622684930465879UL], new[] { Fingerprint.Of("hello"), Fingerprint.Of(42), Fingerprint.Of<Msg>(new Msg.Put(1, 'A')) });
    }

    [Fact]
    public void Supports_primitives_enums_tuples_nullables_and_strings()
    {
        Assert.NotEqual(Fingerprint.Of((1, "a")), Fingerprint.Of((1, "b")));
        Assert.NotEqual(Fingerprint.Of<int?>(null), Fingerprint.Of<int?>(0));
        Assert.NotEqual(Fingerprint.Of(DayOfWeek.Monday), Fingerprint.Of(DayOfWeek.Tuesday));
        Assert.NotEqual(Fingerprint.Of<string?>(null), Fingerprint.Of(""));
        Assert.Equal(Fingerprint.Of(1.0m), Fingerprint.Of(1.00m));
        Assert.Equal(Fingerprint.Of(0.0), Fingerprint.Of(-0.0));
    }

    [Fact]
    public void Ignored_fields_and_custom_fingerprints_are_respected()
    {
        Assert.Equal(Fingerprint.Of(new Cached(1) { CacheHits = 5 }), Fingerprint.Of(new Cached(1) { CacheHits = 9 }));
        Assert.Equal(Fingerprint.Of(new Custom(1) { Noise = 5 }), Fingerprint.Of(new Custom(1) { Noise = 9 }));
        Assert.NotEqual(Fingerprint.Of(new Custom(1)), Fingerprint.Of(new Custom(2)));
    }

    [Fact]
    public void Unfingerprintable_members_are_named()
    {
        var e = Assert.Throws<UnfingerprintableTypeException>(Fingerprint.EnsureSupported<Nested>);
        Assert.Contains("Nested.Items[].Callback", e.Message);
        Assert.Contains("delegate", e.Message);
        Assert.Equal(typeof(Func<int>), e.OffendingType);
    }

    [Fact]
    public void Only_values_that_cannot_recurse_without_bound_skip_the_depth_guard()
    {
        // Records of values, strings and known collections: nothing below them can repeat.
        Assert.True(FingerprintCompiler.IsBoundedTree(typeof(Server)));
        Assert.True(FingerprintCompiler.IsBoundedTree(typeof(Packed)));
        Assert.True(FingerprintCompiler.IsBoundedTree(typeof(ImmutableArray<(int, string)>)));
        // Dispatch on the runtime type, user code, or a type that contains itself: guarded.
        Assert.False(FingerprintCompiler.IsBoundedTree(typeof(Envelope)));
        Assert.False(FingerprintCompiler.IsBoundedTree(typeof(ImmutableList<Custom>)));
        Assert.False(FingerprintCompiler.IsBoundedTree(typeof(BadInput.CyclicStateTests.Chain)));
        Assert.False(FingerprintCompiler.IsBoundedTree(typeof(BadInput.CyclicStateTests.Tree)));
        Assert.False(FingerprintCompiler.IsBoundedTree(typeof(BadInput.CyclicStateTests.Boxed)));
        Assert.False(FingerprintCompiler.IsBoundedTree(typeof(List<int>)));
        Assert.False(FingerprintCompiler.IsBoundedTree(typeof(WithDelegate)));
    }

    public readonly record struct Packed(DayOfWeek Day, int Count);

    public readonly record struct Padded(byte Small, long Large);

    [Fact]
    public void Small_structs_of_integers_hash_by_content_in_bulk_and_padded_ones_by_fields()
    {
        Assert.True(FingerprintMath.IsSimpleType(typeof(Packed)));
        Assert.False(FingerprintMath.IsSimpleType(typeof(Padded)));
        Assert.False(FingerprintMath.IsSimpleType(typeof(double)));
        ImmutableArray<Packed> a = [new(DayOfWeek.Monday, 1), new(DayOfWeek.Friday, 2)];
        ImmutableArray<Packed> b = [new(DayOfWeek.Monday, 1), new(DayOfWeek.Friday, 2)];
        Assert.Equal(Fingerprint.Of(a), Fingerprint.Of(b));
        Assert.NotEqual(Fingerprint.Of(a), Fingerprint.Of(a.Reverse().ToImmutableArray()));
        Assert.NotEqual(Fingerprint.Of(a), Fingerprint.Of(a.SetItem(1, new(DayOfWeek.Friday, 3))));
        Assert.Equal(Fingerprint.Of(new Padded(1, 2)), Fingerprint.Of(new Padded(1, 2)));
        Assert.NotEqual(Fingerprint.Of(new Padded(1, 2)), Fingerprint.Of(new Padded(2, 1)));
        Assert.NotEqual(Fingerprint.Of(new[] { true, false }), Fingerprint.Of(new[] { false, true }));
        Assert.Equal(Fingerprint.Of(new List<int> { 1, 2, 3 }), Fingerprint.Of(new List<int> { 1, 2, 3 }));
    }

    [Fact]
    public void Is_never_zero()
    {
        for (var i = 0; i < 10_000; i++) Assert.NotEqual(0UL, Fingerprint.Of(i));
    }

    /// <summary>
    /// Runs of simple values are read in bulk (eight bytes at a time, the last few without a loop); the
    /// value must stay the definition's — the bytes, eight at a time, then the rest one by one — for
    /// every length and element size, or stored traces would change.
    /// </summary>
    [Fact]
    public void Runs_of_simple_values_hash_as_their_bytes_whatever_their_length()
    {
        var random = new Random(7);
        for (var length = 0; length <= 40; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            Assert.Equal(ByTheDefinition(bytes), FingerprintCollections.OfArray(bytes));
            var shorts = bytes.Select(b => (ushort)(b * 257 + 1)).ToArray();
            Assert.Equal(ByTheDefinition(shorts), FingerprintCollections.OfArray(shorts));
            var ints = bytes.Select(b => b * 16_777_259).ToArray();
            Assert.Equal(ByTheDefinition(ints), FingerprintCollections.OfArray(ints));
            var bools = bytes.Select(b => b % 2 == 0).ToArray();
            Assert.Equal(ByTheDefinition(bools), FingerprintCollections.OfArray(bools));
        }
    }

    private static ulong ByTheDefinition<T>(T[] items) where T : unmanaged
    {
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(items.AsSpan());
        var h = FingerprintMath.Seed(FingerprintCollections.SequenceKind ^ (ulong)System.Runtime.CompilerServices.Unsafe.SizeOf<T>(), items.Length);
        var i = 0;
        for (; i + 8 <= bytes.Length; i += 8) h = FingerprintMath.Combine(h, BitConverter.ToUInt64(bytes[i..(i + 8)]));
        if (i == bytes.Length) return h;
        ulong tail = 0;
        for (var j = i; j < bytes.Length; j++) tail |= (ulong)bytes[j] << (8 * (j - i));
        return FingerprintMath.Combine(h, tail);
    }
}
