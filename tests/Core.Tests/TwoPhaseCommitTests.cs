using System.Collections.Immutable;
using Stateright.Examples;

namespace Stateright.Tests;

/// <summary>The unique-state counts that the Rust library's examples/2pc.rs test asserts.</summary>
public class TwoPhaseCommitTests
{
    [Fact]
    public void Three_rms_have_288_states_by_bfs()
    {
        var checker = new TwoPhaseCommit(3).Checker().SpawnBfs().Join();
        Assert.Equal(288, checker.UniqueStateCount);
        checker.AssertProperties();
    }

    [Fact]
    public void Five_rms_have_8832_states_by_dfs()
    {
        var checker = new TwoPhaseCommit(5).Checker().SpawnDfs().Join();
        Assert.Equal(8_832, checker.UniqueStateCount);
        checker.AssertProperties();
    }

    [Fact]
    public void Five_rms_have_665_states_with_symmetry_by_dfs()
    {
        var checker = new TwoPhaseCommit(5).Checker().Symmetry().SpawnDfs().Join();
        Assert.Equal(665, checker.UniqueStateCount);
        checker.AssertProperties();
    }

    /// <summary>
    /// The example's representative (the Rust library's) sorts RMs by state only, so RMs in the same
    /// state keep their order and their TM-prepared flags and messages are not normalized: two
    /// symmetric states can have different representatives, and the reduced count depends on the
    /// order states are first reached. The Rust DFS order gives 665 (above); BFS order gives 508, on
    /// any thread count. A canonical representative gives the true number of symmetry classes, 314,
    /// in every engine.
    /// </summary>
    [Fact]
    public void Five_rms_with_symmetry_by_bfs_depend_on_the_representative_being_canonical()
    {
        var checker = new TwoPhaseCommit(5).Checker().Symmetry().SpawnBfs().Join();
        Assert.Equal(508, checker.UniqueStateCount);
        checker.AssertProperties();

        Assert.Equal(314, new TwoPhaseCommit(5).Checker().Symmetry(Canonical).SpawnBfs().Join().UniqueStateCount);
        Assert.Equal(314, new TwoPhaseCommit(5).Checker().Symmetry(Canonical).SpawnDfs().Join().UniqueStateCount);
        Assert.Equal(314, new TwoPhaseCommit(5).Checker().Threads(2).Symmetry(Canonical).SpawnDfs().Join().UniqueStateCount);
    }

    /// <summary>Sorts RMs by everything that belongs to an RM, so that symmetric states share one representative.</summary>
    private static TwoPhaseCommit.State Canonical(TwoPhaseCommit.State s)
    {
        var keys = Enumerable.Range(0, s.Rms.Length)
            .Select(rm => (s.Rms[rm], s.TmPrepared[rm], s.HasSent(new(TwoPhaseCommit.MessageKind.Prepared, (sbyte)rm))))
            .ToArray();
        var plan = RewritePlan.FromValuesToSort(keys);
        return new TwoPhaseCommit.State(
            plan.Reindex(s.Rms), s.Tm, plan.Reindex(s.TmPrepared),
            [.. s.Messages.Select(m => m.Kind == TwoPhaseCommit.MessageKind.Prepared ? m with { Rm = (sbyte)plan.Rewrite(m.Rm) } : m).Order()]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Counts_do_not_depend_on_the_thread_count(int threads)
    {
        Assert.Equal(8_832, new TwoPhaseCommit(5).Checker().Threads(threads).SpawnBfs().Join().UniqueStateCount);
        Assert.Equal(8_832, new TwoPhaseCommit(5).Checker().Threads(threads).SpawnDfs().Join().UniqueStateCount);
        Assert.Equal(665, new TwoPhaseCommit(5).Checker().Threads(threads).Symmetry().SpawnDfs().Join().UniqueStateCount);
        Assert.Equal(508, new TwoPhaseCommit(5).Checker().Threads(threads).Symmetry().SpawnBfs().Join().UniqueStateCount);
    }
}
