using Stateright.Actors;

namespace Stateright.Tests.Actors;

/// <summary>The state-returning handler style next to the <c>ref Cow</c> one: same state spaces, same no-op rule.</summary>
public class HandlerStyleTests
{
    public static TheoryData<string, int> Engines => new() { { "bfs", 1 }, { "bfs", 2 }, { "dfs", 1 }, { "dfs", 2 } };

    private static Checker<ActorModelState<Lease.Msg, Unit>, ActorModelAction<Lease.Msg>> Run(ActorModel<Lease.Msg, Unit> model, string engine, int threads)
    {
        var builder = model.Checker().Threads(threads);
        return (engine == "bfs" ? builder.SpawnBfs() : builder.SpawnDfs()).Join();
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Both_styles_give_the_same_state_space_and_discoveries(string engine, int threads)
    {
        var cow = Run(Lease.CowModel(), engine, threads);
        var returning = Run(Lease.ReturningModel(), engine, threads);

        Assert.Equal(cow.UniqueStateCount, returning.UniqueStateCount);
        Assert.Equal(cow.StateCount, returning.StateCount);
        Assert.Equal(cow.Discoveries.Keys.Order(), returning.Discoveries.Keys.Order());
        // The protocol is not trivial: the lease bug is found, and both examples too.
        Assert.Equal(["a client holds twice", "all tokens granted", "one holder"], cow.Discoveries.Keys.Order());
        if (threads == 1)
            foreach (var (name, path) in cow.Discoveries) Assert.Equal(path.Encode(), returning.Discoveries[name].Encode());
    }

    [Fact]
    public void Both_styles_give_the_same_counterexample_text()
    {
        var cow = Lease.CowModel();
        var returning = Lease.ReturningModel();
        var cowPath = cow.Checker().SpawnBfs().Join().Discovery("one holder")!;
        var returningPath = returning.Checker().SpawnBfs().Join().Discovery("one holder")!;
        Assert.Equal(cowPath.ToString(cow), returningPath.ToString(returning));
        Assert.Contains("Timeout(Server#0, Expire)", cowPath.ToString(cow), StringComparison.Ordinal);
    }

    [Fact]
    public void The_state_counts_are_pinned() =>
        // Pinned so a change to either style's plumbing that changes both alike still shows.
        Assert.Equal(288, Lease.CowModel().Checker().SpawnBfs().Join().UniqueStateCount);

    // -- no-op detection --------------------------------------------------------------------------

    private sealed record Box(int Value);

    /// <summary>Sends one message to actor 1 at start; actor 1's handler decides what "handling" means.</summary>
    private sealed class Sender : Actor<string, Unit>
    {
        public override Unit OnStart(Id id, Out<string> o)
        {
            o.Send(Id.From(1), "hello");
            return Unit.Value;
        }
    }

    private sealed class ReturnsSame : Actor<string, Box>
    {
        public override Box OnStart(Id id, Out<string> o) => new(0);
        public override Box OnMsg(Id id, Box state, Id src, string msg, Out<string> o) => state;
    }

    private sealed class ReturnsEqualCopy : Actor<string, Box>
    {
        public override Box OnStart(Id id, Out<string> o) => new(0);
        public override Box OnMsg(Id id, Box state, Id src, string msg, Out<string> o) => state with { };
    }

    private sealed class CowUntouched : Actor<string, Box>
    {
        public override Box OnStart(Id id, Out<string> o) => new(0);
        public override void OnMsg(Id id, ref Cow<Box> state, Id src, string msg, Out<string> o) { }
    }

    private sealed class CowAssignsSame : Actor<string, Box>
    {
        public override Box OnStart(Id id, Out<string> o) => new(0);
        public override void OnMsg(Id id, ref Cow<Box> state, Id src, string msg, Out<string> o) => state.Value = state.Value;
    }

    private sealed class ValueStateEqual : Actor<string, int, Unit>
    {
        public override int OnStart(Id id, Out<string, Unit> o) => 7;
        public override int OnMsg(Id id, int state, Id src, string msg, Out<string, Unit> o) => 3 + 4;
    }

    private sealed class ValueStateDifferent : Actor<string, int, Unit>
    {
        public override int OnStart(Id id, Out<string, Unit> o) => 7;
        public override int OnMsg(Id id, int state, Id src, string msg, Out<string, Unit> o) => state + 1;
    }

    private static long Count(IActor<string> receiver) =>
        ActorModel.Create<string>().Actor(new Sender()).Actor(receiver).InitNetwork(NetworkKind.UnorderedNonDuplicating)
            .Property(Expectation.Always, "true", _ => true).Checker().SpawnBfs().Join().UniqueStateCount;

    [Fact]
    public void A_handler_that_changes_nothing_and_outputs_nothing_is_skipped_in_both_styles()
    {
        // Skipped: only the initial state. Not skipped: the delivery leads to a second state.
        Assert.Equal(1, Count(new CowUntouched()));
        Assert.Equal(1, Count(new ReturnsSame()));
        Assert.Equal(1, Count(new ValueStateEqual()));
        Assert.Equal(2, Count(new CowAssignsSame()));
        Assert.Equal(2, Count(new ReturnsEqualCopy()));
        Assert.Equal(2, Count(new ValueStateDifferent()));
    }

    [Fact]
    public void Changed_is_reported_through_the_actor_interface()
    {
        IActor<string> same = new ReturnsSame(), copy = new ReturnsEqualCopy();
        var state = new Box(0);
        Assert.Same(state, same.OnMsg(Id.From(1), state, Id.From(0), "hello", new Out<string>(), out var changed));
        Assert.False(changed);
        Assert.Equal(state, copy.OnMsg(Id.From(1), state, Id.From(0), "hello", new Out<string>(), out changed));
        Assert.True(changed);
    }

    private sealed class RearmsTimer : Actor<string, Box, string>
    {
        public override Box OnStart(Id id, Out<string, string> o)
        {
            o.SetTimer("tick", ModelHelpers.ModelOnlyTimeout());
            return new(0);
        }

        public override Box OnTimeout(Id id, Box state, string timer, Out<string, string> o)
        {
            o.SetTimer(timer, ModelHelpers.ModelOnlyTimeout());
            return state;
        }
    }

    [Fact]
    public void A_timer_that_only_rearms_itself_is_skipped_in_the_returning_style() =>
        Assert.Equal(1, ActorModel.Create<string>().Actor(new RearmsTimer()).Property(Expectation.Always, "true", _ => true)
            .Checker().SpawnBfs().Join().UniqueStateCount);

    // -- choosing a style ------------------------------------------------------------------------

    private sealed class BothStyles : Actor<string, Box>
    {
        public override Box OnStart(Id id, Out<string> o) => new(0);
        public override void OnMsg(Id id, ref Cow<Box> state, Id src, string msg, Out<string> o) => state.Value = new(1);
        public override Box OnMsg(Id id, Box state, Id src, string msg, Out<string> o) => new(2);
    }

    private sealed class BothStylesTyped : Actor<string, Box, string>
    {
        public override Box OnStart(Id id, Out<string, string> o) => new(0);
        public override void OnTimeout(Id id, ref Cow<Box> state, string timer, Out<string, string> o) { }
        public override Box OnTimeout(Id id, Box state, string timer, Out<string, string> o) => state;
    }

    private sealed class MixedPerHandler : Actor<string, Box, string>
    {
        public override Box OnStart(Id id, Out<string, string> o) => new(0);
        public override void OnMsg(Id id, ref Cow<Box> state, Id src, string msg, Out<string, string> o) => state.Value = new(1);
        public override Box OnTimeout(Id id, Box state, string timer, Out<string, string> o) => new(2);
    }

    [Fact]
    public void Overriding_both_styles_of_a_handler_fails_when_the_actor_is_created()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new BothStyles());
        Assert.Contains("HandlerStyleTests.BothStyles overrides OnMsg in both styles", e.Message, StringComparison.Ordinal);
        Assert.Contains("Box OnMsg", e.Message, StringComparison.Ordinal);
        var typed = Assert.Throws<InvalidOperationException>(() => new BothStylesTyped());
        Assert.Contains("BothStylesTyped overrides OnTimeout in both styles", typed.Message, StringComparison.Ordinal);
        // One style per handler: different handlers may use different styles.
        IActor<string> mixed = new MixedPerHandler();
        Assert.Equal(new Box(1), mixed.OnMsg(Id.From(0), new Box(0), Id.From(0), "hello", new Out<string>(), out _));
        Assert.Equal(new Box(2), mixed.OnTimeout(Id.From(0), new Box(0), "tick", new Out<string>(), out _));
    }
}
