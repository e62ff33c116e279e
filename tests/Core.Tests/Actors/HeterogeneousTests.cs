using Stateright.Actors;

namespace Stateright.Tests.Actors;

/// <summary>
/// Actors of different classes in one model, modelled on the Rust library's interaction example: a
/// client asks a counter to increment until it reports a threshold.
/// </summary>
public class HeterogeneousTests
{
    public abstract record CounterMsg
    {
        public sealed record Increment(uint By) : CounterMsg;
        public sealed record Report : CounterMsg;
        public sealed record Count(uint Value) : CounterMsg;
    }

    public sealed record CounterState(uint Count);

    public sealed record ClientState(bool Success, uint Requests);

    private sealed class Counter : Actor<CounterMsg, CounterState>
    {
        public override string Name => "Counter";
        public override CounterState OnStart(Id id, Out<CounterMsg> o) => new(0);

        public override void OnMsg(Id id, ref Cow<CounterState> state, Id src, CounterMsg msg, Out<CounterMsg> o)
        {
            switch (msg)
            {
                case CounterMsg.Increment(var by): state.Value = new CounterState(state.Value.Count + by); break;
                case CounterMsg.Report: o.Send(src, new CounterMsg.Count(state.Value.Count)); break;
            }
        }
    }

    private sealed class Client(Id counter, uint threshold) : Actor<CounterMsg, ClientState>
    {
        public override string Name => "Client";

        public override ClientState OnStart(Id id, Out<CounterMsg> o)
        {
            o.Send(counter, new CounterMsg.Increment(1));
            o.Send(counter, new CounterMsg.Report());
            return new ClientState(false, 1);
        }

        public override void OnMsg(Id id, ref Cow<ClientState> state, Id src, CounterMsg msg, Out<CounterMsg> o)
        {
            if (msg is not CounterMsg.Count(var count) || state.Value.Success) return;
            if (count >= threshold)
            {
                state.Value = state.Value with { Success = true };
                return;
            }
            o.Send(counter, new CounterMsg.Increment(1));
            o.Send(counter, new CounterMsg.Report());
            state.Value = state.Value with { Requests = state.Value.Requests + 1 };
        }
    }

    [Fact]
    public void Actors_of_different_classes_share_a_model()
    {
        var model = new ActorModel<CounterMsg, Unit>(Unit.Value)
            .Actor(new Client(counter: 1, threshold: 3))
            .Actor(new Counter())
            .InitNetwork(NetworkKind.UnorderedNonDuplicating)
            .Property(Expectation.Sometimes, "success", s => s.StateOf<ClientState>(0).Success)
            .Property(Expectation.Always, "counter never runs ahead of requests", s => s.StateOf<CounterState>(1).Count <= s.StateOf<ClientState>(0).Requests);
        var checker = model.Checker().TargetMaxDepth(30).SpawnBfs().Join();
        var path = checker.AssertAnyDiscovery("success");
        Assert.Equal("Client", model.ActorList[0].Name);
        Assert.Equal("Counter", model.ActorList[1].Name);
        Assert.IsType<ClientState>(path.LastState.ActorStates[0]);
        Assert.IsType<CounterState>(path.LastState.ActorStates[1]);
        Assert.Null(checker.Discovery("counter never runs ahead of requests"));
        Assert.Contains("participant A0 as Client#0", model.SequenceDiagram(path));
    }
}
