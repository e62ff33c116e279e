using Stateright.Tests.TestModels;
using static Stateright.Tests.TestModels.LinearEquation;

namespace Stateright.Tests;

public class DfsTests
{
    [Fact]
    public void Visits_states_in_dfs_order()
    {
        var recorder = new StateRecorder<Solution, Guess>();
        new LinearEquation(2, 10, 14).Checker().Visitor(recorder).SpawnDfs().Join();
        Assert.Equal(Enumerable.Range(0, 28).Select(y => new Solution(0, (byte)y)), recorder.States);
    }

    [Fact]
    public void Completes_by_enumerating_all_states()
    {
        var checker = new LinearEquation(2, 4, 7).Checker().SpawnDfs().Join();
        Assert.Equal(CheckerStatus.Exhausted, checker.Status);
        checker.AssertNoDiscovery("solvable");
        Assert.Equal(256 * 256, checker.UniqueStateCount);
    }

    [Fact]
    public void Completes_by_eliminating_properties()
    {
        var checker = new LinearEquation(2, 10, 14).Checker().SpawnDfs().Join();
        checker.AssertProperties();
        Assert.Equal(55, checker.UniqueStateCount);
        Assert.Equal(55, checker.StateCount);
        Assert.Equal(28, checker.MaxDepth);
        Assert.Equal(Enumerable.Repeat(Guess.IncreaseY, 27), checker.Discovery("solvable")!.Actions);
        checker.AssertDiscovery("solvable", [Guess.IncreaseX, Guess.IncreaseY, Guess.IncreaseX]);
    }

    [Fact]
    public void Applies_symmetry_reduction_with_valid_paths()
    {
        Assert.Equal(9, new Processes().Checker().SpawnDfs().Join().UniqueStateCount);
        var recorder = new PathRecorder<Processes.SysState, int>();
        var checker = new Processes().Checker().Symmetry().Visitor(recorder).SpawnDfs().Join();
        Assert.Equal(6, checker.UniqueStateCount);
        foreach (var path in recorder.Paths)
            Assert.NotNull(Path<Processes.SysState, int>.FromActions(new Processes(), path.States[0], path.Actions));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Parallel_runs_report_what_a_single_thread_run_reports(int threads)
    {
        var reference = new LinearEquation(2, 10, 14).Checker().SpawnDfs().Join();
        for (var run = 0; run < 5; run++)
        {
            var checker = new LinearEquation(2, 10, 14).Checker().Threads(threads).SpawnDfs().Join();
            Assert.Equal(reference.Discovery("solvable")!.Encode(), checker.Discovery("solvable")!.Encode());
            Assert.Equal(reference.UniqueStateCount, checker.UniqueStateCount);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Parallel_exhaustive_runs_count_every_state(int threads)
    {
        var checker = new LinearEquation(2, 4, 7).Checker().Threads(threads).SpawnDfs().Join();
        Assert.Equal(CheckerStatus.Exhausted, checker.Status);
        Assert.Equal(256 * 256, checker.UniqueStateCount);
        Assert.Equal(256 * 256 * 2 + 1, checker.StateCount);
    }
}
