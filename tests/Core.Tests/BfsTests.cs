using Stateright.Tests.TestModels;
using static Stateright.Tests.TestModels.LinearEquation;

namespace Stateright.Tests;

public class BfsTests
{
    [Fact]
    public void Visits_states_in_bfs_order()
    {
        var recorder = new StateRecorder<Solution, Guess>();
        new LinearEquation(2, 10, 14).Checker().Visitor(recorder).SpawnBfs().Join();
        Assert.Equal(
            [new(0, 0), new(1, 0), new(0, 1), new(2, 0), new(1, 1), new(0, 2), new(3, 0), new(2, 1)],
            recorder.States);
    }

    [Fact]
    public void Completes_by_enumerating_all_states()
    {
        var checker = new LinearEquation(2, 4, 7).Checker().SpawnBfs().Join();
        Assert.True(checker.IsDone);
        Assert.Equal(CheckerStatus.Exhausted, checker.Status);
        checker.AssertNoDiscovery("solvable");
        Assert.Equal(256 * 256, checker.UniqueStateCount);
    }

    [Fact]
    public void Completes_by_eliminating_properties()
    {
        var checker = new LinearEquation(2, 10, 14).Checker().SpawnBfs().Join();
        checker.AssertProperties();
        Assert.Equal(12, checker.UniqueStateCount);
        Assert.Equal(15, checker.StateCount);
        Assert.Equal(4, checker.MaxDepth);
        Assert.Equal(CheckerStatus.FinishedByDiscoveries, checker.Status);
        Assert.Equal([Guess.IncreaseX, Guess.IncreaseX, Guess.IncreaseY], checker.Discovery("solvable")!.Actions);
        // (2*0 + 10*27) % 256 == 14 is another solution, which AssertDiscovery accepts.
        checker.AssertDiscovery("solvable", Enumerable.Repeat(Guess.IncreaseY, 27));
    }

    [Fact]
    public void Solves_the_sliding_puzzle_in_four_moves()
    {
        var checker = new SlidingPuzzle(1, 4, 2, 3, 5, 8, 6, 7, 0).Checker().SpawnBfs().Join();
        checker.AssertProperties();
        checker.AssertDiscovery("solved", [SlidingPuzzle.Slide.Down, SlidingPuzzle.Slide.Right, SlidingPuzzle.Slide.Down, SlidingPuzzle.Slide.Right]);
        Assert.Equal(4, checker.Discovery("solved")!.Length);
    }

    [Fact]
    public void Applies_symmetry_reduction()
    {
        Assert.Equal(9, new Processes().Checker().SpawnBfs().Join().UniqueStateCount);
        var recorder = new PathRecorder<Processes.SysState, int>();
        var checker = new Processes().Checker().Symmetry().Visitor(recorder).SpawnBfs().Join();
        Assert.Equal(6, checker.UniqueStateCount);
        // Every recorded path is a real behaviour (built from the states reached, not representatives).
        foreach (var path in recorder.Paths)
            Assert.NotNull(Path<Processes.SysState, int>.FromActions(new Processes(), path.States[0], path.Actions));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Reports_the_same_discoveries_for_every_thread_count(int threads)
    {
        var reference = new LinearEquation(2, 10, 14).Checker().SpawnBfs().Join();
        for (var run = 0; run < 5; run++)
        {
            var checker = new LinearEquation(2, 10, 14).Checker().Threads(threads).SpawnBfs().Join();
            Assert.Equal(reference.Discovery("solvable")!.Encode(), checker.Discovery("solvable")!.Encode());
            Assert.Equal(reference.StateCount, checker.StateCount);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Large_levels_give_identical_discoveries_for_every_thread_count(int threads)
    {
        // 2PC with 4 RMs has levels of thousands of states, so the parallel phases really split work.
        var reference = new Examples.TwoPhaseCommit(4).Checker().SpawnBfs().Join();
        for (var run = 0; run < 3; run++)
        {
            var checker = new Examples.TwoPhaseCommit(4).Checker().Threads(threads).SpawnBfs().Join();
            Assert.Equal(reference.UniqueStateCount, checker.UniqueStateCount);
            Assert.Equal(reference.StateCount, checker.StateCount);
            Assert.Equal(
                reference.Discoveries.ToDictionary(d => d.Key, d => d.Value.Encode()),
                checker.Discoveries.ToDictionary(d => d.Key, d => d.Value.Encode()));
        }
    }

    [Fact]
    public void Target_max_depth_leaves_the_run_incomplete()
    {
        var checker = new LinearEquation(2, 4, 7).Checker().TargetMaxDepth(3).SpawnBfs().Join();
        Assert.Equal(CheckerStatus.TargetMaxDepthReached, checker.Status);
        Assert.Equal(6, checker.UniqueStateCount); // depths 1..3 generated, depth 3 not expanded
        Assert.False(checker.IsComplete);
        var e = Assert.Throws<CheckerAssertionException>(() => checker.AssertNoDiscovery("solvable"));
        Assert.Contains("incomplete", e.Message);
    }
}
