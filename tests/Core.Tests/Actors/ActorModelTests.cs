using Stateright.Actors;
using Deliver = Stateright.Actors.ActorModelAction<Stateright.Tests.Actors.PingPongMsg>.Deliver;
using Drop = Stateright.Actors.ActorModelAction<Stateright.Tests.Actors.PingPongMsg>.Drop;

namespace Stateright.Tests.Actors;

/// <summary>The Rust library's actor-model tests (src/actor/model.rs), with its unique-state counts.</summary>
public class ActorModelTests
{
    [Fact]
    public void Visits_the_14_expected_states_on_a_lossy_duplicating_network()
    {
        var recorder = new StateRecorder<ActorModelState<PingPongMsg, PingPongHistory>, ActorModelAction<PingPongMsg>>();
        var checker = PingPong.Model(maxNat: 1).LossyNetwork().Checker().Visitor(recorder).SpawnBfs().Join();
        Assert.Equal(14, checker.UniqueStateCount);
        Assert.Equal(14, recorder.States.Select(Fingerprint.Of).Distinct().Count());
        // A few of the states the Rust test lists: counters and envelopes in flight.
        Assert.Contains(recorder.States, s => s.StatesOf<uint>().SequenceEqual([0u, 0u]) && s.Network.Count == 0);
        Assert.Contains(recorder.States, s => s.StatesOf<uint>().SequenceEqual([1u, 1u]) && s.Network.Count == 3);
    }

    [Fact]
    public void Maintains_a_fixed_delta_despite_a_lossy_duplicating_network()
    {
        var checker = PingPong.Model(maxNat: 5).LossyNetwork().Checker().SpawnBfs().Join();
        Assert.Equal(4_094, checker.UniqueStateCount);
        checker.AssertNoDiscovery("delta within 1");
    }

    [Fact]
    public void May_never_reach_max_on_a_lossy_network()
    {
        var checker = PingPong.Model(maxNat: 5).LossyNetwork().Checker().SpawnBfs().Join();
        Assert.Equal(4_094, checker.UniqueStateCount);
        checker.AssertDiscovery("must reach max", [new Drop(new Envelope<PingPongMsg>(0, 1, new PingPongMsg.Ping(0)))]);
    }

    [Fact]
    public void Eventually_reaches_max_on_a_perfect_network()
    {
        var checker = PingPong.Model(maxNat: 5).InitNetwork(NetworkKind.UnorderedNonDuplicating).Checker().SpawnBfs().Join();
        Assert.Equal(11, checker.UniqueStateCount);
        checker.AssertNoDiscovery("must reach max");
    }

    [Fact]
    public void Can_reach_max()
    {
        var checker = PingPong.Model(maxNat: 5).Checker().SpawnBfs().Join();
        Assert.Equal(11, checker.UniqueStateCount);
        // The first state (in BFS order) where a counter reaches 5. The Rust test expects [5, 5]
        // because its checker overwrites a discovery with later ones; ours keeps the first.
        Assert.Equal([4u, 5u], checker.Discovery("can reach max")!.LastState.StatesOf<uint>());
    }

    [Fact]
    public void Might_never_reach_beyond_max()
    {
        var checker = PingPong.Model(maxNat: 5).InitNetwork(NetworkKind.UnorderedNonDuplicating).Checker().SpawnBfs().Join();
        Assert.Equal(11, checker.UniqueStateCount);
        Assert.Equal([5u, 5u], checker.Discovery("must exceed max")!.LastState.StatesOf<uint>());
    }

    [Theory]
    [InlineData(NetworkKind.UnorderedDuplicating, false, 11)]
    [InlineData(NetworkKind.UnorderedNonDuplicating, false, 11)]
    [InlineData(NetworkKind.Ordered, false, 11)]
    [InlineData(NetworkKind.UnorderedDuplicating, true, 4_094)]
    public void History_recording_does_not_change_the_state_space_shape(NetworkKind kind, bool lossy, int expected)
    {
        var checker = PingPong.Model(maxNat: 5, maintainsHistory: true).InitNetwork(kind).LossyNetwork(lossy).Checker().SpawnBfs().Join();
        Assert.Equal(expected, checker.UniqueStateCount);
        checker.AssertNoDiscovery("#in <= #out");
    }

    private abstract record NoOpMsg
    {
        public sealed record Ignored : NoOpMsg;
        public sealed record Interesting : NoOpMsg;
    }

    private sealed class NoOpActor(Id? server) : Actor<NoOpMsg, string>
    {
        public override string OnStart(Id id, Out<NoOpMsg> o)
        {
            if (server is { } s)
            {
                o.Send(s, new NoOpMsg.Ignored());
                o.Send(s, new NoOpMsg.Interesting());
            }
            return "Awaiting an interesting message.";
        }

        public override void OnMsg(Id id, ref Cow<string> state, Id src, NoOpMsg msg, Out<NoOpMsg> o)
        {
            if (msg is NoOpMsg.Interesting) state.Value = "Got an interesting message.";
        }
    }

    [Theory]
    [InlineData(NetworkKind.UnorderedDuplicating, 2)] // initial, and delivery of Interesting
    [InlineData(NetworkKind.UnorderedNonDuplicating, 2)]
    [InlineData(NetworkKind.Ordered, 3)] // initial, delivery of Ignored, then of Interesting
    public void A_no_op_delivery_depends_on_the_network(NetworkKind kind, int expected)
    {
        var model = ActorModel.Create<NoOpMsg>() // no history: no Unit to spell
            .Actor(new NoOpActor(Id.From(1)))
            .Actor(new NoOpActor(null))
            .InitNetwork(kind)
            .Property(Expectation.Always, "Check everything", _ => true);
        Assert.Equal(expected, model.Checker().SpawnBfs().Join().UniqueStateCount);
    }

    private sealed class Silent : Actor<int, Unit>
    {
        public override Unit OnStart(Id id, Out<int> o) => Unit.Value;
    }

    [Fact]
    public void Handles_undeliverable_messages()
    {
        var model = ActorModel.Create<int>()
            .Actor(new Silent())
            .Property(Expectation.Always, "unused", _ => true)
            .InitNetwork(Network<int>.UnorderedDuplicating(new Envelope<int>(0, 99, 0)));
        Assert.Equal(1, model.Checker().SpawnBfs().Join().UniqueStateCount);
    }

    [Fact]
    public void Duplicate_property_names_are_rejected_when_added()
    {
        var e = Assert.Throws<ArgumentException>(() => PingPong.Model(1).Property(Expectation.Always, "delta within 1", _ => true));
        Assert.Contains("already has a property named \"delta within 1\"", e.Message);
    }

    [Fact]
    public void Formats_deliveries_as_arrows_and_draws_sequence_diagrams()
    {
        var model = PingPong.Model(maxNat: 2);
        var checker = model.Checker().SpawnBfs().Join();
        var path = checker.Discovery("can reach max")!;
        Assert.Equal("Id(0) → Ping(0) → Id(1)", model.FormatAction(path.Actions[0]));
        Assert.Equal(new Deliver(0, 1, new PingPongMsg.Ping(0)), path.Actions[0]);
        var diagram = model.SequenceDiagram(path);
        // Each step that changes the receiver's state is followed by a note with that state.
        Assert.StartsWith("sequenceDiagram\n    participant A0 as Id(0)\n    participant A1 as Id(1)\n    A0->>A1: Ping(0)\n    Note over A1: 1\n    A1->>A0: Pong(0)\n    Note over A0: 1\n", diagram);
        Assert.Contains("out: send Pong(0) → Id(0)", model.FormatStep(path.States[0], path.Actions[0]));
    }

    public sealed record Flags(bool Granted, int Count);

    [Fact]
    public void A_history_reads_the_same_in_a_state_as_in_a_trace_line()
    {
        var model = ActorModel.Create<int, Flags>(new Flags(true, 2)).Actor(new Silent()).Property(Expectation.Always, "unused", _ => true);
        var state = model.InitStates().Single();
        Assert.Contains("History: Flags { Granted = true, Count = 2 }", model.FormatState(state)); // as history lines show it, not "True"
    }
}
