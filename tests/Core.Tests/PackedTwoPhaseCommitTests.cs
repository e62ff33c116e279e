using Stateright.Examples;

namespace Stateright.Tests;

/// <summary>The packed 2PC is the readable one in other clothes: the same counts, discoveries, paths and states.</summary>
public class PackedTwoPhaseCommitTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Counts_discoveries_and_paths_match_the_readable_model(int rms, bool bfs)
    {
        var readable = Spawn(new TwoPhaseCommit(rms).Checker(), bfs);
        var packed = Spawn(new PackedTwoPhaseCommit(rms).Checker(), bfs);

        Assert.Equal(readable.UniqueStateCount, packed.UniqueStateCount);
        Assert.Equal(readable.StateCount, packed.StateCount);
        Assert.Equal(readable.MaxDepth, packed.MaxDepth);
        Assert.Equal(readable.Discoveries.Keys.Order(), packed.Discoveries.Keys.Order());
        foreach (var (name, path) in readable.Discoveries)
        {
            var packedPath = packed.Discoveries[name];
            Assert.Equal(path.Encode(), packedPath.Encode());
            // Each state on the path decodes to the readable model's state.
            Assert.Equal(path.States.Select(s => s.ToString()), packedPath.States.Select(s => s.ToString()));
        }
    }

    [Fact]
    public void Eight_rms_have_the_rust_librarys_count_by_dfs_at_two_threads()
    {
        var checker = new PackedTwoPhaseCommit(8).Checker().Threads(2).SpawnDfs().Join();
        Assert.Equal(1_745_408, checker.UniqueStateCount);
        Assert.Equal(18_507_778, checker.StateCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public void A_count_that_does_not_fit_is_refused_with_the_limit(int rms)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PackedTwoPhaseCommit(rms));
        Assert.Contains("1 to 14", e.Message);
    }

    private static Checker<TState, TAction> Spawn<TState, TAction>(CheckerBuilder<TState, TAction> builder, bool bfs) =>
        (bfs ? builder.SpawnBfs() : builder.SpawnDfs()).Join();
}
