using System.Collections.Immutable;
using Stateright.Actors;

namespace Stateright.Tests.Actors;

/// <summary>The Rust library's ordered-reliable-link tests: over a lossy duplicating network, no redelivery, in order, delivered.</summary>
public class OrderedReliableLinkTests
{
    private sealed record TestMsg(ulong Value)
    {
        public override string ToString() => $"TestMsg({Value})";
    }

    private sealed class TestActor(Id? receiver) : Actor<TestMsg, ImmutableList<(Id, TestMsg)>>
    {
        public override ImmutableList<(Id, TestMsg)> OnStart(Id id, Out<TestMsg> o)
        {
            if (receiver is { } r)
            {
                o.Send(r, new TestMsg(42));
                o.Send(r, new TestMsg(43));
            }
            return [];
        }

        public override void OnMsg(Id id, ref Cow<ImmutableList<(Id, TestMsg)>> state, Id src, TestMsg msg, Out<TestMsg> o) =>
            state.Value = state.Value.Add((src, msg));
    }

    private static ImmutableList<(Id, TestMsg)> Received(ActorModelState<LinkMsg<TestMsg>, Unit> s) =>
        (ImmutableList<(Id, TestMsg)>)s.StateOf<LinkState<TestMsg>>(1).WrappedState;

    private static ActorModel<LinkMsg<TestMsg>, Unit> Model() =>
        new ActorModel<LinkMsg<TestMsg>, Unit>(Unit.Value)
            .Actor(OrderedReliableLink.Wrap<TestMsg>(new TestActor(Id.From(1))))
            .Actor(OrderedReliableLink.Wrap<TestMsg>(new TestActor(null)))
            .InitNetwork(NetworkKind.UnorderedDuplicating)
            .LossyNetwork()
            .Property(Expectation.Always, "no redelivery", s => Received(s).Count(r => r.Item2.Value == 42) < 2 && Received(s).Count(r => r.Item2.Value == 43) < 2)
            .Property(Expectation.Always, "ordered", s => Received(s).Select(r => r.Item2.Value).SequenceEqual(Received(s).Select(r => r.Item2.Value).Order()))
            .Property(Expectation.Sometimes, "delivered", s => Received(s).SequenceEqual([(Id.From(0), new TestMsg(42)), (Id.From(0), new TestMsg(43))]))
            .WithinBoundary(s => s.Network.Count < 4);

    [Fact]
    public void Messages_are_not_delivered_twice() => Model().Checker().SpawnBfs().Join().AssertNoDiscovery("no redelivery");

    [Fact]
    public void Messages_are_delivered_in_order() => Model().Checker().SpawnBfs().Join().AssertNoDiscovery("ordered");

    [Fact]
    public void Messages_are_eventually_delivered() =>
        Model().Checker().SpawnBfs().Join().AssertDiscovery("delivered",
        [
            new ActorModelAction<LinkMsg<TestMsg>>.Deliver(0, 1, new LinkMsg<TestMsg>.Deliver(1, new TestMsg(42))),
            new ActorModelAction<LinkMsg<TestMsg>>.Deliver(0, 1, new LinkMsg<TestMsg>.Deliver(2, new TestMsg(43))),
        ]);

    [Fact]
    public void Without_the_link_a_lossy_duplicating_network_redelivers_and_reorders()
    {
        var plain = new ActorModel<TestMsg, Unit>(Unit.Value)
            .Actor(new TestActor(Id.From(1)))
            .Actor(new TestActor(null))
            .LossyNetwork()
            .Property(Expectation.Always, "no redelivery", s => s.StateOf<ImmutableList<(Id, TestMsg)>>(1).Count(r => r.Item2.Value == 42) < 2)
            .Property(Expectation.Always, "ordered", s => s.StateOf<ImmutableList<(Id, TestMsg)>>(1).Select(r => r.Item2.Value).SequenceEqual(s.StateOf<ImmutableList<(Id, TestMsg)>>(1).Select(r => r.Item2.Value).Order()))
            .WithinBoundary(s => s.StateOf<ImmutableList<(Id, TestMsg)>>(1).Count < 4);
        var checker = plain.Checker().SpawnBfs().Join();
        Assert.NotNull(checker.Discovery("no redelivery"));
        Assert.NotNull(checker.Discovery("ordered"));
    }
}
