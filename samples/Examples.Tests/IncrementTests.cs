namespace Stateright.Examples.Tests;

public class IncrementTests
{
    [Fact]
    public void Two_threads_have_the_13_states_and_8_symmetric_states_the_rust_docs_list()
    {
        Assert.Equal(13, ReachableStates.Count(new Increment(2)));
        Assert.Equal(8, ReachableStates.Count(new Increment(2), s => s.Representative()));
    }

    [Fact]
    public void Loses_an_update()
    {
        var checker = new Increment(2).Checker().SpawnBfs().Join();
        checker.AssertDiscovery("fin", [new Increment.Action.Read(0), new Increment.Action.Read(1), new Increment.Action.Write(0), new Increment.Action.Write(1)]);
        var e = Assert.Throws<CheckerAssertionException>(checker.AssertProperties);
        Assert.Contains("Property \"fin\" (Always): counterexample in 4 steps", e.Message);
        Assert.Contains("Last state: State { i: 1, s: [{t: 0, pc: 3}, {t: 0, pc: 3}] }", e.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_lock_keeps_the_count_and_mutual_exclusion(int threads)
    {
        var checker = new IncrementLock(threads).Checker().Threads(2).SpawnDfs().Join();
        checker.AssertProperties();
        Assert.Equal(ReachableStates.Count(new IncrementLock(threads)), checker.UniqueStateCount);
        var symmetric = new IncrementLock(threads).Checker().Symmetry().SpawnDfs().Join();
        symmetric.AssertProperties();
        Assert.Equal(ReachableStates.Count(new IncrementLock(threads), s => s.Representative()), symmetric.UniqueStateCount);
        Assert.True(symmetric.UniqueStateCount < checker.UniqueStateCount);
    }
}
