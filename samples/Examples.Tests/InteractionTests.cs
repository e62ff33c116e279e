using Stateright.Actors;

namespace Stateright.Examples.Tests;

using Action = ActorModelAction<Interaction.Msg>;

public class InteractionTests
{
    [Fact]
    public void Actors_of_different_classes_share_one_model_state()
    {
        var init = Interaction.Model().InitStates().Single();
        Assert.Equal(new Interaction.InputState(0, false), init.StateOf<Interaction.InputState>(0));
        Assert.Equal(new Interaction.CounterState(1, 0), init.StateOf<Interaction.CounterState>(1));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(10)]
    public void The_bounded_state_space_matches_an_independent_count(int depth)
    {
        var checker = Interaction.Model().Checker().TargetMaxDepth(depth).Threads(2).SpawnBfs().Join();
        Assert.Equal(ReachableStates.Count(Interaction.Model(), maxDepth: depth), checker.UniqueStateCount);
        Assert.Equal(depth, checker.MaxDepth);
        // Redelivered increments grow the counter without end: the run stops at the bound, incomplete.
        Assert.Equal(CheckerStatus.TargetMaxDepthReached, checker.Status);
        // No state is terminal (a duplicating network can always redeliver) and no cycle lies within the
        // bound (each redelivered increment raises the counter), so "success" has no counterexample.
        Assert.Null(checker.Discovery("success"));
    }

    [Fact]
    public void Success_takes_input_then_query_then_reply()
    {
        var model = Interaction.Model().Property(Expectation.Sometimes, "reaches success", s => s.StatesOf<Interaction.InputState>().Any(c => c.Success));
        var checker = model.Checker().Threads(2).TargetMaxDepth(8).SpawnBfs().Join();
        checker.AssertDiscovery("reaches success",
        [
            new Action.Timeout(0, Interaction.InputTimer.ClientInput),
            new Action.Deliver(0, 1, new Interaction.Msg.IncrementRequest(3)),
            new Action.Timeout(0, Interaction.InputTimer.ClientQuery),
            new Action.Deliver(0, 1, new Interaction.Msg.ReportRequest()),
            new Action.Deliver(1, 0, new Interaction.Msg.ReplyCount(3)),
        ]);
    }

    [Fact]
    public void A_report_delivered_before_the_increment_is_no_success()
    {
        var model = Interaction.Model();
        var path = Path<ActorModelState<Interaction.Msg, Unit>, Action>.FromActions(model, model.InitStates().Single(),
        [
            new Action.Timeout(0, Interaction.InputTimer.ClientInput),
            new Action.Timeout(0, Interaction.InputTimer.ClientQuery),
            new Action.Deliver(0, 1, new Interaction.Msg.ReportRequest()),
        ]);
        Assert.NotNull(path);
        Assert.Equal(new Interaction.InputState(2, false), path!.LastState.StateOf<Interaction.InputState>(0));
        var zero = new Action.Deliver(1, 0, new Interaction.Msg.ReplyCount(0));
        Assert.Contains(new Envelope<Interaction.Msg>(1, 0, new Interaction.Msg.ReplyCount(0)), path.LastState.Network.All);
        // The client ignores a count below its threshold: delivering it changes nothing.
        Assert.Null(model.NextState(path.LastState, zero));
    }
}
