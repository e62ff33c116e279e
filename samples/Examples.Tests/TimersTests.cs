using Stateright.Actors;

namespace Stateright.Examples.Tests;

public class TimersTests
{
    [Fact]
    public void Timers_drive_the_pingers_and_a_no_op_timer_is_skipped()
    {
        var checker = Timers.Model().Checker().TargetMaxDepth(4).SpawnBfs().Join();
        Assert.Null(checker.Discovery("true")); // never violated (the run is bounded, so AssertNoDiscovery would say incomplete)
        Assert.Equal(CheckerStatus.TargetMaxDepthReached, checker.Status);
        var model = Timers.Model();
        var init = model.InitStates().Single();
        var actions = new List<ActorModelAction<Timers.PingerMsg>>();
        model.Actions(init, actions);
        Assert.Equal(9, actions.Count); // three timers on each of three pingers
        // Re-arming only itself, NoOp changes nothing, so the checker ignores it.
        Assert.Null(model.NextState(init, new ActorModelAction<Timers.PingerMsg>.Timeout(0, Timers.PingerTimer.NoOp)));
        var even = model.NextState(init, new ActorModelAction<Timers.PingerMsg>.Timeout(0, Timers.PingerTimer.Even))!;
        Assert.Equal(new Timers.PingerState(1, 0), even.StateOf<Timers.PingerState>(0)); // pinged Id(2) only
        Assert.Equal([new Envelope<Timers.PingerMsg>(0, 2, Timers.PingerMsg.Ping)], even.Network.All);
    }

    [Theory]
    [InlineData("bfs", 2327L, 854L)]
    [InlineData("dfs", 2327L, 854L)]
    public void The_bounded_state_counts_are_pinned(string engine, long states, long unique)
    {
        // Pinned before the pingers moved to typed timers and state-returning handlers, which must not change them.
        var builder = Timers.Model().Checker().TargetMaxDepth(6);
        var checker = (engine == "bfs" ? builder.SpawnBfs() : builder.SpawnDfs()).Join();
        Assert.Equal((states, unique), (checker.StateCount, checker.UniqueStateCount));
    }
}
