using Stateright.Tests.TestModels;

namespace Stateright.Tests;

/// <summary>The Rust library's eventually-property tests, on the same graphs.</summary>
public class EventuallyTests
{
    private static Property<int> EventuallyOdd() => Property<int>.Eventually("odd", s => s % 2 == 1);

    [Fact]
    public void Validates_paths_that_reach_the_condition()
    {
        new DGraph(EventuallyOdd()).WithPath(1).WithPath(2, 3).WithPath(2, 6, 7).WithPath(4, 9, 10).Check().AssertProperties();
        new DGraph(EventuallyOdd()).WithPath(1).Check().AssertProperties();
        new DGraph(EventuallyOdd()).WithPath(2, 3).Check().AssertProperties();
        new DGraph(EventuallyOdd()).WithPath(2, 6, 7).Check().AssertProperties();
        new DGraph(EventuallyOdd()).WithPath(4, 9, 10).Check().AssertProperties();
    }

    [Fact]
    public void Discovers_counterexamples()
    {
        Assert.Equal([0, 2], new DGraph(EventuallyOdd()).WithPath(0, 1).WithPath(0, 2).Check().Discovery("odd")!.States);
        Assert.Equal([2, 4], new DGraph(EventuallyOdd()).WithPath(0, 1).WithPath(2, 4).Check().Discovery("odd")!.States);
        // Both 2→4→6 and 2→4→8 are counterexamples. The Rust library reports the last one it meets
        // (it overwrites discoveries), 2→4→8; we report the first in canonical BFS order, 2→4→6.
        Assert.Equal([2, 4, 6], new DGraph(EventuallyOdd()).WithPath(0, 1, 4, 6).WithPath(2, 4, 8).Check().Discovery("odd")!.States);
    }

    [Fact]
    public void Does_not_overwrite_a_discovery_when_there_are_other_properties()
    {
        var checker = new DGraph(EventuallyOdd(), Property<int>.Always("ge_0", s => s >= 10)).WithPath(12, 14).WithPath(12, 15).Check();
        Assert.Equal([12, 14], checker.Discovery("odd")!.States);
    }

    [Fact]
    public void Dfs_and_simulation_find_the_same_counterexample()
    {
        var model = new DGraph(EventuallyOdd()).WithPath(0, 1).WithPath(0, 2);
        Assert.Equal([0, 2], model.Checker().Threads(2).SpawnDfs().Join().Discovery("odd")!.States);
        Assert.Equal([0, 2], model.Checker().SpawnSimulation(7).Join().Discovery("odd")!.States);
    }
}
