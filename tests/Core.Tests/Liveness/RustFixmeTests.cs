using Stateright.Tests.TestModels;

namespace Stateright.Tests.Liveness;

/// <summary>The Rust library's <c>fixme_can_miss_counterexample_when_revisiting_a_state</c> cases, which it misses: here they are found.</summary>
public class RustFixmeTests
{
    private static Property<int> EventuallyOdd() => Property<int>.Eventually("odd", s => s % 2 == 1);

    [Fact]
    public void A_cycle_is_reported_as_a_lasso()
    {
        var path = new DGraph(EventuallyOdd()).WithPath(0, 2, 4, 2).Check().Discovery("odd")!;
        Assert.Equal([0, 2, 4, 2], path.States); // what the Rust test's FIXME says it should be
        Assert.Equal(1, path.CycleStart);
    }

    [Fact]
    public void A_revisited_state_after_a_join_is_reported_as_a_terminating_counterexample()
    {
        var path = new DGraph(EventuallyOdd()).WithPath(0, 2, 4).WithPath(1, 4, 6).Check().Discovery("odd")!;
        Assert.Equal([0, 2, 4, 6], path.States);
        Assert.Null(path.CycleStart);
    }

    [Fact]
    public void The_terminating_semantics_still_misses_them_as_the_rust_library_does()
    {
        Assert.Null(new DGraph(EventuallyOdd()).WithPath(0, 2, 4, 2).Checker().Liveness(LivenessSemantics.TerminatingBehaviours).SpawnBfs().Join().Discovery("odd"));
        Assert.Null(new DGraph(EventuallyOdd()).WithPath(0, 2, 4).WithPath(1, 4, 6).Checker().Liveness(LivenessSemantics.TerminatingBehaviours).SpawnBfs().Join().Discovery("odd"));
    }
}
