using Stateright.Semantics;

namespace Stateright.Tests.Semantics;

/// <summary>The testers' shared search cache: a hit needs an equal history, never only an equal fingerprint.</summary>
public class HistoryMemoTests
{
    // Each test uses its own key type, so the static cache holds nothing from another test.
    private sealed record History(string Name);
    private sealed record OtherHistory(string Name);
    private sealed record ThreadedHistory(int Value);

    [Fact]
    public void An_equal_history_is_searched_once()
    {
        var searches = 0;
        string Search(History h) { searches++; return "verdict of " + h.Name; }

        Assert.Equal("verdict of a", HistoryMemo<History, string>.GetOrSearch(new History("a"), 42, Search));
        Assert.Equal("verdict of a", HistoryMemo<History, string>.GetOrSearch(new History("a"), 42, Search));
        Assert.Equal(1, searches);
    }

    [Fact]
    public void A_fingerprint_collision_does_not_borrow_the_other_historys_verdict()
    {
        var searches = 0;
        string Search(OtherHistory h) { searches++; return "verdict of " + h.Name; }

        Assert.Equal("verdict of a", HistoryMemo<OtherHistory, string>.GetOrSearch(new OtherHistory("a"), 7, Search));
        Assert.Equal("verdict of b", HistoryMemo<OtherHistory, string>.GetOrSearch(new OtherHistory("b"), 7, Search));
        Assert.Equal("verdict of a", HistoryMemo<OtherHistory, string>.GetOrSearch(new OtherHistory("a"), 7, Search));
        Assert.Equal(3, searches); // b took a's slot, so a was searched again
    }

    [Fact]
    public void Threads_sharing_slots_always_get_their_own_historys_verdict()
    {
        // Fingerprints that share their top bits (so, slots), from many threads at once.
        var wrong = 0;
        Parallel.For(0, 200_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var value = i % 1_000;
            var fingerprint = ((ulong)(uint)(value % 3) << 60) | (uint)value;
            var verdict = HistoryMemo<ThreadedHistory, int>.GetOrSearch(new ThreadedHistory(value), fingerprint, h => h.Value * 2);
            if (verdict != value * 2) Interlocked.Increment(ref wrong);
        });
        Assert.Equal(0, wrong);
    }
}
