namespace Stateright.Tests.Engines;

public class VisitedSetTests
{
    [Fact]
    public void Concurrent_adds_of_overlapping_keys_add_each_key_exactly_once_through_many_growths()
    {
        const int threads = 4;
        const int distinct = 300_000;
        var set = new VisitedSet();
        var added = new int[threads];
        // Every thread adds every key, in its own order, so each key is contended while segments grow.
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            var order = Enumerable.Range(0, distinct).OrderBy(_ => random.Next()).ToArray();
            foreach (var i in order) if (set.TryAdd(KeyOf(i))) added[t]++;
        })).ToArray();
        foreach (var w in workers) w.Start();
        foreach (var w in workers) w.Join();

        Assert.Equal(distinct, added.Sum());
        Assert.Equal(distinct, set.Count);
        for (var i = 0; i < distinct; i++) Assert.True(set.Contains(KeyOf(i)));
        Assert.False(set.Contains(KeyOf(distinct)));
        Assert.False(set.TryAdd(KeyOf(0)));
    }

    [Fact]
    public void Stays_compact_after_growing()
    {
        var set = new VisitedSet();
        for (var i = 0; i < 1_000_000; i++) set.TryAdd(KeyOf(i));
        var bytesPerKey = (double)set.AllocatedBytes / set.Count;
        // 8-byte entries at a load between 53% and 80% (plus the minimum capacity of each segment).
        Assert.InRange(bytesPerKey, 9.5, 16);
    }

    [Fact]
    public void Keeps_the_extreme_fingerprints()
    {
        var set = new VisitedSet();
        Assert.True(set.TryAdd(ulong.MaxValue));
        Assert.True(set.TryAdd(1));
        Assert.True(set.Contains(ulong.MaxValue));
        Assert.False(set.TryAdd(ulong.MaxValue));
        Assert.Equal(2, set.Count);
    }

    private static ulong KeyOf(int i) => Fingerprint.Of((long)i);
}
