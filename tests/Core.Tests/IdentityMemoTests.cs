using System.Collections.Immutable;

namespace Stateright.Tests;

/// <summary>Immutable tree collections' fingerprints are remembered by identity only where that cannot go stale.</summary>
public class IdentityMemoTests
{
    public sealed class Box(int value)
    {
        public int Value { get; set; } = value;
    }

    [Fact]
    public void A_remembered_fingerprint_equals_that_of_an_equal_collection_built_apart()
    {
        var set = ImmutableHashSet.Create(3, 1, 2);
        var map = ImmutableDictionary<int, long>.Empty.Add(1, 10).Add(2, 20);
        var list = ImmutableList.Create('a', 'b');
        var sortedSet = ImmutableSortedSet.Create(5, 4);
        var sortedMap = ImmutableSortedDictionary<int, int>.Empty.Add(7, 8);

        var first = (Fingerprint.Of(set), Fingerprint.Of(map), Fingerprint.Of(list), Fingerprint.Of(sortedSet), Fingerprint.Of(sortedMap));
        var again = (Fingerprint.Of(set), Fingerprint.Of(map), Fingerprint.Of(list), Fingerprint.Of(sortedSet), Fingerprint.Of(sortedMap));
        var builtApart = (
            Fingerprint.Of(ImmutableHashSet.Create(2, 3, 1)),
            Fingerprint.Of(ImmutableDictionary<int, long>.Empty.Add(2, 20).Add(1, 10)),
            Fingerprint.Of(ImmutableList<char>.Empty.Add('a').Add('b')),
            Fingerprint.Of(ImmutableSortedSet.Create(4, 5)),
            Fingerprint.Of(ImmutableSortedDictionary<int, int>.Empty.Add(7, 8)));

        Assert.Equal(first, again);
        Assert.Equal(first, builtApart);
        Assert.NotEqual(Fingerprint.Of(set), Fingerprint.Of(set.Add(4)));
        Assert.NotEqual(Fingerprint.Of(map), Fingerprint.Of(map.SetItem(1, 11)));
    }

    [Fact]
    public void A_collection_of_mutable_objects_is_walked_each_time()
    {
        var box = new Box(1);
        var list = ImmutableList.Create(box);
        var set = ImmutableHashSet.Create(box);
        var map = ImmutableDictionary<int, Box>.Empty.Add(0, box);
        var before = (Fingerprint.Of(list), Fingerprint.Of(set), Fingerprint.Of(map));

        box.Value = 2; // changed in place: the checker's mutation detection must see a new fingerprint

        var after = (Fingerprint.Of(list), Fingerprint.Of(set), Fingerprint.Of(map));
        Assert.NotEqual(before.Item1, after.Item1);
        Assert.NotEqual(before.Item2, after.Item2);
        Assert.NotEqual(before.Item3, after.Item3);
    }

    [Fact]
    public void Threads_sharing_slots_each_get_their_own_collections_fingerprint()
    {
        // Many more collections than slots, fingerprinted from several threads at once: every answer
        // must equal the one computed alone, whichever collection last took a slot.
        var sets = Enumerable.Range(0, 20_000).Select(i => ImmutableHashSet.Create(i, i + 1)).ToArray();
        var expected = sets.Select(s => Fingerprint.Of(ImmutableHashSet.Create([.. s]))).ToArray();
        Parallel.For(0, 4, worker =>
        {
            for (var round = 0; round < 3; round++)
                for (var i = worker; i < sets.Length; i += 2)
                    Assert.Equal(expected[i], Fingerprint.Of(sets[i]));
        });
    }

    /// <summary>
    /// A collection fingerprinted once is not kept (a slot holds it alive, and one a step builds and
    /// fingerprints once would only be carried into an older generation for nothing); the second time
    /// it is. Other tests share the slots, so the positive case retries if one replaced the entry.
    /// </summary>
    [Fact]
    public void A_collection_is_remembered_from_its_second_fingerprint_on()
    {
        var set = ImmutableHashSet.Create(101, 202, 303);
        Assert.False(IdentityMemo.TryGet(set, out _));
        IdentityMemo.Remember(set, 42);
        Assert.False(IdentityMemo.TryGet(set, out _));
        var remembered = false;
        for (var attempt = 0; attempt < 100 && !remembered; attempt++)
        {
            IdentityMemo.Remember(set, 42);
            remembered = IdentityMemo.TryGet(set, out var fingerprint) && fingerprint == 42;
        }
        Assert.True(remembered);
    }
}
