using Stateright.Actors;

namespace Stateright.Tests.Actors;

/// <summary>
/// What a step shares instead of building anew: equal actor states, histories and flights reached
/// along different paths are one object, and the outputs' public view still lists every command.
/// </summary>
public class SharedPartsTests
{
    private sealed record Counter(int Received);

    private sealed record Delivered(int Count);

    /// <summary>Counts the messages it receives, in a new record each time.</summary>
    private sealed class CounterActor : Actor<int, Counter>
    {
        public override Counter OnStart(Id id, Out<int> o) => new(0);

        public override Counter OnMsg(Id id, Counter state, Id src, int msg, Out<int> o) => new(state.Received + 1);
    }

    /// <summary>Sends one message to actor 0 at start.</summary>
    private sealed class SenderActor(int msg) : Actor<int, int>
    {
        public override int OnStart(Id id, Out<int> o)
        {
            o.Send(Id.From(0), msg);
            return 0;
        }
    }

    /// <summary>A count, and the messages in arrival order, which the fingerprint leaves out (as Raft's delivered payloads).</summary>
    private sealed record Noted(int Received, [field: FingerprintIgnore] string Arrivals);

    private sealed class NotingActor : Actor<int, Noted>
    {
        public override Noted OnStart(Id id, Out<int> o) => new(0, "");

        public override Noted OnMsg(Id id, Noted state, Id src, int msg, Out<int> o) => new(state.Received + 1, state.Arrivals + msg);
    }

    /// <summary>The model, sharing parts as BFS has it do.</summary>
    private static ActorModel<int, Delivered> Model(IActor<int>? receiver = null, bool share = true)
    {
        var model = new ActorModel<int, Delivered>(new Delivered(0))
            .Actor(receiver ?? new CounterActor())
            .Actor(new SenderActor(1))
            .Actor(new SenderActor(2))
            .InitNetwork(NetworkKind.UnorderedNonDuplicating)
            .RecordMsgIn(static (h, _) => new Delivered(h.Count + 1));
        if (share) ((IPartSharing)model).ShareParts();
        return model;
    }

    /// <summary>The state after delivering the envelopes in flight in the given order of their action indices.</summary>
    private static ActorModelState<int, Delivered> Deliver(ActorModel<int, Delivered> model, params int[] order)
    {
        var state = model.InitStates().Single();
        _ = state.GetFingerprint(); // as the checker does: a successor reuses its parent's cached parts
        var remaining = new List<ActorModelAction<int>>();
        model.Actions(state, remaining);
        foreach (var index in order)
        {
            state = model.NextState(state, remaining[index]) ?? throw new InvalidOperationException("The delivery changed nothing.");
            _ = state.GetFingerprint();
            remaining.RemoveAt(index);
        }
        return state;
    }

    [Fact]
    public void Equal_actor_states_and_histories_reached_along_different_paths_are_one_object()
    {
        var model = Model();
        var oneThenTwo = Deliver(model, 0, 0);
        var twoThenOne = Deliver(model, 1, 0);

        Assert.Equal(oneThenTwo.GetFingerprint(), twoThenOne.GetFingerprint());
        Assert.Equal(new Counter(2), oneThenTwo.StateOf<Counter>(Id.From(0)));
        Assert.Same(oneThenTwo.ActorStates[0], twoThenOne.ActorStates[0]);
        Assert.Equal(new Delivered(2), oneThenTwo.History);
        Assert.Same(oneThenTwo.History, twoThenOne.History);
    }

    [Fact]
    public void Without_sharing_equal_states_stay_apart_and_a_BFS_run_turns_sharing_on()
    {
        var model = Model(share: false);
        Assert.NotSame(Deliver(model, 0, 0).ActorStates[0], Deliver(model, 1, 0).ActorStates[0]);

        var checker = model.Checker().Threads(1).SpawnBfs().Join();
        Assert.Equal(4, checker.UniqueStateCount); // initial, either message delivered, both delivered (by either order)
        Assert.Same(Deliver(model, 0, 0).ActorStates[0], Deliver(model, 1, 0).ActorStates[0]);
    }

    [Fact]
    public void A_state_whose_fingerprint_leaves_fields_out_is_shared_only_when_equal()
    {
        var model = Model(new NotingActor());
        var oneThenTwo = Deliver(model, 0, 0);
        var twoThenOne = Deliver(model, 1, 0);
        var oneThenTwoAgain = Deliver(model, 0, 0);

        Assert.Equal(oneThenTwo.GetFingerprint(), twoThenOne.GetFingerprint());
        Assert.Equal("12", oneThenTwo.StateOf<Noted>(Id.From(0)).Arrivals);
        Assert.Equal("21", twoThenOne.StateOf<Noted>(Id.From(0)).Arrivals);
        Assert.Same(oneThenTwo.ActorStates[0], oneThenTwoAgain.ActorStates[0]);
    }

    [Fact]
    public void Sharing_keeps_the_fingerprint_of_the_contents()
    {
        var model = Model();
        var state = Deliver(model, 1, 0);
        var rebuilt = new ActorModelState<int, Delivered>(
            [new Counter(2), 0, 0], Network<int>.UnorderedNonDuplicating(), state.Timers, state.RandomChoices, state.Crashed, state.Storages, new Delivered(2));

        Assert.Equal(rebuilt.GetFingerprint(), state.GetFingerprint());
    }

    [Fact]
    public void Networks_built_apart_share_the_delivery_of_an_envelope_they_both_hold()
    {
        var envelope = new Envelope<int>(Id.From(0), Id.From(1), 5);
        var alone = Network<int>.UnorderedNonDuplicating(envelope);
        var withOther = Network<int>.UnorderedNonDuplicating(new Envelope<int>(Id.From(2), Id.From(3), 9), envelope);

        var index = withOther.Deliverable.ToList().IndexOf(envelope);
        Assert.True(index >= 0);
        Assert.Same(alone.DeliverAt(0), withOther.DeliverAt(index));
    }

    [Fact]
    public void Commands_is_a_live_view_listing_every_command_in_order()
    {
        var o = new Out<int>();
        var view = o.Commands;
        o.Send(Id.From(1), 7);
        o.SetTimer("t", TimeSpan.Zero, TimeSpan.FromSeconds(1));
        o.Send(Id.From(2), 8);

        Command<int>[] expected = [new Command<int>.Send(1, 7), new Command<int>.SetTimer("t", TimeSpan.Zero, TimeSpan.FromSeconds(1)), new Command<int>.Send(2, 8)];
        Assert.Equal(expected, view);
        Assert.Equal(3, view.Count);
        Assert.Equal(expected[2], view[2]);
        Assert.Equal($"[{string.Join(", ", expected.AsEnumerable())}]", o.ToString());
    }
}
