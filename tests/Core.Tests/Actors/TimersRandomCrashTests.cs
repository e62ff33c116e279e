using System.Collections.Immutable;
using Stateright.Actors;

namespace Stateright.Tests.Actors;

/// <summary>The Rust library's timer, random-choice, crash and ordering tests (src/actor/model.rs).</summary>
public class TimersRandomCrashTests
{
    private sealed class TimerActor : Actor<Unit, Unit>
    {
        public override Unit OnStart(Id id, Out<Unit> o)
        {
            o.SetTimer(Unit.Value, ModelHelpers.ModelOnlyTimeout());
            return Unit.Value;
        }
    }

    [Fact]
    public void A_fired_timer_is_reset() =>
        // The initial state with a timer, then the state after it fired, without.
        Assert.Equal(2, new ActorModel<Unit, Unit>(Unit.Value).Actor(new TimerActor()).Property(Expectation.Always, "unused", _ => true)
            .Checker().SpawnBfs().Join().UniqueStateCount);

    private enum TestRandom { Choice1, Choice2, Choice3 }

    private sealed class ChooserActor : Actor<Unit, ImmutableList<TestRandom>>
    {
        public override ImmutableList<TestRandom> OnStart(Id id, Out<Unit> o)
        {
            o.ChooseRandom("key1", [TestRandom.Choice1, TestRandom.Choice2, TestRandom.Choice3]);
            return [];
        }

        public override void OnRandom(Id id, ref Cow<ImmutableList<TestRandom>> state, object random, Out<Unit> o) =>
            state.Value = state.Value.Add((TestRandom)random);
    }

    [Fact]
    public void Explores_every_random_choice() =>
        // The initial state with a pending choice, then one state per choice.
        Assert.Equal(4, new ActorModel<Unit, Unit>(Unit.Value).Actor(new ChooserActor()).Property(Expectation.Always, "unused", _ => true)
            .Checker().SpawnBfs().Join().UniqueStateCount);

    private sealed class OverwritingChooser : Actor<Unit, ImmutableList<TestRandom>>
    {
        public override ImmutableList<TestRandom> OnStart(Id id, Out<Unit> o)
        {
            o.ChooseRandom("key1", [TestRandom.Choice1]);
            o.ChooseRandom("key2", [TestRandom.Choice2, TestRandom.Choice3]);
            return [];
        }

        public override void OnRandom(Id id, ref Cow<ImmutableList<TestRandom>> state, object random, Out<Unit> o)
        {
            // Choosing Choice1 narrows (or re-opens) key2 to Choice3 only.
            if ((TestRandom)random == TestRandom.Choice1) o.ChooseRandom("key2", [TestRandom.Choice3]);
            state.Value = state.Value.Add((TestRandom)random);
        }
    }

    [Fact]
    public void A_later_choice_with_the_same_key_replaces_the_earlier_one() =>
        //      /-> key1:Choice1 -> key2:Choice3
        // Init --> key2:Choice2 -> key1:Choice1 -> key2:Choice3
        //      \-> key2:Choice3 -> key1:Choice1 -> key2:Choice3
        Assert.Equal(9, new ActorModel<Unit, Unit>(Unit.Value).Actor(new OverwritingChooser()).Property(Expectation.Always, "unused", _ => true)
            .Checker().SpawnBfs().Join().UniqueStateCount);

    private sealed class Idle : Actor<Unit, Unit>
    {
        public override Unit OnStart(Id id, Out<Unit> o) => Unit.Value;
    }

    [Fact]
    public void Crashes_at_most_max_crashes_actors() =>
        // comb(3, 1) + 1 (no actor crashed) = 4
        Assert.Equal(4, new ActorModel<Unit, Unit>(Unit.Value).Actors([new Idle(), new Idle(), new Idle()]).MaxCrashes(1)
            .Property(Expectation.Always, "unused", _ => true).Checker().SpawnBfs().Join().UniqueStateCount);

    private sealed record Durable(int NonVolatile);

    private sealed record Counters(int Volatile, int NonVolatile);

    private sealed class RecoveringActor(int limit) : Actor<Unit, Counters>
    {
        public override Counters OnStart(Id id, Out<Unit> o) => OnStart(id, null, o);

        public override Counters OnStart(Id id, object? storage, Out<Unit> o)
        {
            o.SetTimer(Unit.Value, ModelHelpers.ModelOnlyTimeout());
            return new Counters(0, storage is Durable saved ? saved.NonVolatile : 0);
        }

        public override void OnTimeout(Id id, ref Cow<Counters> state, object timer, Out<Unit> o)
        {
            var next = new Counters(state.Value.Volatile + 1, state.Value.NonVolatile + 1);
            state.Value = next;
            o.Save(new Durable(next.NonVolatile));
            if (next.NonVolatile < limit) o.SetTimer(Unit.Value, ModelHelpers.ModelOnlyTimeout());
        }
    }

    [Fact]
    public void A_recovered_actor_restarts_from_its_saved_storage()
    {
        var checker = new ActorModel<Unit, Unit>(Unit.Value)
            .Actor(new RecoveringActor(3))
            .Property(Expectation.Sometimes, "recovered", s => s.StateOf<Counters>(0) is var c && c.NonVolatile > c.Volatile)
            .MaxCrashes(1)
            .Checker().SpawnBfs().Join();
        var path = checker.AssertAnyDiscovery("recovered");
        Assert.Contains(path.Actions, a => a is ActorModelAction<Unit>.Crash);
        Assert.Contains(path.Actions, a => a is ActorModelAction<Unit>.Recover);
    }

    private sealed class Recorder : Actor<byte, ImmutableList<byte>>
    {
        public override ImmutableList<byte> OnStart(Id id, Out<byte> o)
        {
            if (id == Id.From(0))
            {
                o.Send(1, 2);
                o.Send(1, 1);
            }
            return [];
        }

        public override void OnMsg(Id id, ref Cow<ImmutableList<byte>> state, Id src, byte msg, Out<byte> o) => state.Value = state.Value.Add(msg);
    }

    [Fact]
    public void An_ordered_network_delivers_each_channel_in_order()
    {
        string[] RecipientStates(NetworkKind kind)
        {
            var recorder = new StateRecorder<ActorModelState<byte, Unit>, ActorModelAction<byte>>();
            new ActorModel<byte, Unit>(Unit.Value).Actors([new Recorder(), new Recorder()]).InitNetwork(kind)
                .Property(Expectation.Always, "", _ => true).Checker().Visitor(recorder).SpawnBfs().Join();
            return recorder.States.Select(s => string.Join(",", s.StateOf<ImmutableList<byte>>(1))).Distinct().Order().ToArray();
        }

        Assert.Equal(["", "2", "2,1"], RecipientStates(NetworkKind.Ordered));
        Assert.Equal(["", "1", "1,2", "2", "2,1"], RecipientStates(NetworkKind.UnorderedNonDuplicating));
    }

    private sealed class DoubleSender : Actor<int, int>
    {
        public override int OnStart(Id id, Out<int> o)
        {
            if (id == Id.From(0))
            {
                o.Send(1, 7);
                o.Send(1, 7);
            }
            return 0;
        }

        public override void OnMsg(Id id, ref Cow<int> state, Id src, int msg, Out<int> o) => state.Value++;
    }

    [Theory]
    [InlineData(NetworkKind.UnorderedNonDuplicating, true, 6)]  // counts 0/1/2 received × copies in flight
    [InlineData(NetworkKind.UnorderedNonDuplicating, false, 3)]
    [InlineData(NetworkKind.Ordered, false, 3)]
    public void A_nonduplicating_network_tracks_each_copy_of_a_message(NetworkKind kind, bool lossy, int expected)
    {
        var checker = new ActorModel<int, Unit>(Unit.Value).Actors([new DoubleSender(), new DoubleSender()]).InitNetwork(kind).LossyNetwork(lossy)
            .Property(Expectation.Always, "", _ => true).Checker().SpawnBfs().Join();
        Assert.Equal(expected, checker.UniqueStateCount);
    }
}
