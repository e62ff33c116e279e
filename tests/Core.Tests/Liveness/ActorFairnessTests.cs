using Stateright.Actors;

namespace Stateright.Tests.Liveness;

/// <summary>The actor models' default weak fairness: per actor for timers, per envelope for deliveries.</summary>
public class ActorFairnessTests
{
    /// <summary>Toggles a bit on every tick of a timer that re-arms itself: it can fire forever.</summary>
    private sealed class Ticker : Actor<string, bool>
    {
        public override bool OnStart(Id id, Out<string> o)
        {
            o.SetTimer("tick", ModelHelpers.ModelOnlyTimeout());
            return false;
        }

        public override void OnTimeout(Id id, ref Cow<bool> state, object timer, Out<string> o)
        {
            state.Value = !state.Value;
            o.SetTimer("tick", ModelHelpers.ModelOnlyTimeout());
        }
    }

    /// <summary>Finishes when its one-shot timer fires, or when a message arrives.</summary>
    private sealed class Finisher(bool useTimer, Id? notify = null) : Actor<string, bool>
    {
        public override bool OnStart(Id id, Out<string> o)
        {
            if (useTimer) o.SetTimer("finish", ModelHelpers.ModelOnlyTimeout());
            if (notify is { } target) o.Send(target, "finish");
            return false;
        }

        public override void OnTimeout(Id id, ref Cow<bool> state, object timer, Out<string> o) => state.Value = true;

        public override void OnMsg(Id id, ref Cow<bool> state, Id src, string msg, Out<string> o) => state.Value = true;
    }

    private static ActorModel<string, Unit> Model(IActor<string> second, NetworkKind network = NetworkKind.UnorderedNonDuplicating) =>
        new ActorModel<string, Unit>(Unit.Value)
            .Actor(new Ticker())
            .Actor(second)
            .InitNetwork(network)
            .Property(Expectation.Eventually, "finished", s => s.StatesOf<bool>().ElementAt(1));

    [Fact]
    public void A_timer_that_keeps_firing_does_not_starve_another_actor()
    {
        var checker = Model(new Finisher(useTimer: true)).Checker().SpawnBfs().Join();
        Assert.Equal(VerdictKind.Holds, checker.VerdictOf("finished"));
        Assert.Contains("holds on all behaviours, with weak fairness on each message delivery", checker.VerdictMessage(checker.Model.Property("finished")));

        var unfair = Model(new Finisher(useTimer: true)).Checker().Fairness((_, _) => null, "without fairness").SpawnBfs().Join();
        var path = unfair.Discovery("finished")!;
        Assert.NotNull(path.CycleStart);
        Assert.All(path.Actions, a => Assert.IsType<ActorModelAction<string>.Timeout>(a));
        var diagram = unfair.Model.SequenceDiagram(path)!;
        Assert.Contains($"    loop steps {path.CycleStart + 1}–{path.Length} repeat forever\n", diagram);
        Assert.EndsWith("    end\n", diagram);
    }

    [Fact]
    public void A_message_in_flight_is_delivered_eventually_unless_the_network_may_drop_it()
    {
        // Actor 1 sends itself "finish" at start while actor 0 ticks forever.
        var reliable = Model(new Finisher(useTimer: false, notify: Id.From(1))).Checker().SpawnBfs().Join();
        Assert.Equal(VerdictKind.Holds, reliable.VerdictOf("finished"));

        var lossy = Model(new Finisher(useTimer: false, notify: Id.From(1))).LossyNetwork().Checker().SpawnBfs().Join();
        var path = lossy.Discovery("finished")!;
        Assert.Contains(path.Actions, a => a is ActorModelAction<string>.Drop);
    }
}
