using Stateright.Actors;

namespace Stateright.Examples;

/// <summary>
/// A client and a counter of different actor classes in one model (the Rust example combines them
/// with <c>choice!</c>; here actors of any class share a model). The client's timers model external
/// input: one increments the counter by 3, the other asks for a report; "success" means the client
/// saw the counter reach its threshold.
/// </summary>
public static class Interaction
{
    /// <summary>The messages.</summary>
    public abstract record Msg
    {
        /// <summary>Add <c>By</c> to the counter.</summary>
        public sealed record IncrementRequest(uint By) : Msg;

        /// <summary>Ask for the count.</summary>
        public sealed record ReportRequest : Msg;

        /// <summary>The count.</summary>
        public sealed record ReplyCount(uint Count) : Msg;
    }

    /// <summary>The client's timers: the external input events.</summary>
    public enum InputTimer { ClientInput, ClientQuery }

    /// <summary>The client: how many timer events it saw, and whether it saw the threshold.</summary>
    public sealed record InputState(uint WaitCycles, bool Success);

    /// <summary>The counter.</summary>
    public sealed record CounterState(Id Address, uint Counter);

    /// <summary>The counter actor.</summary>
    public sealed class Counter(CounterState initial) : Actor<Msg, CounterState>
    {
        /// <inheritdoc/>
        public override string Name => "Counter";

        /// <inheritdoc/>
        public override CounterState OnStart(Id id, Out<Msg> o) => initial;

        /// <inheritdoc/>
        public override void OnMsg(Id id, ref Cow<CounterState> state, Id src, Msg msg, Out<Msg> o)
        {
            switch (msg)
            {
                case Msg.IncrementRequest(var by): state.Value = state.Value with { Counter = state.Value.Counter + by }; break;
                case Msg.ReportRequest: o.Send(src, new Msg.ReplyCount(state.Value.Counter)); break;
            }
        }
    }

    /// <summary>The client actor.</summary>
    public sealed class Client(uint threshold, Id counter) : Actor<Msg, InputState>
    {
        /// <inheritdoc/>
        public override string Name => "Client";

        /// <inheritdoc/>
        public override InputState OnStart(Id id, Out<Msg> o)
        {
            o.SetTimer(InputTimer.ClientInput, ModelHelpers.ModelOnlyTimeout());
            return new InputState(0, false);
        }

        /// <inheritdoc/>
        public override void OnMsg(Id id, ref Cow<InputState> state, Id src, Msg msg, Out<Msg> o)
        {
            if (msg is Msg.ReplyCount(var count) && count >= threshold) state.Value = state.Value with { Success = true };
        }

        /// <inheritdoc/>
        public override void OnTimeout(Id id, ref Cow<InputState> state, object timer, Out<Msg> o)
        {
            switch ((InputTimer)timer)
            {
                case InputTimer.ClientInput:
                    o.SetTimer(InputTimer.ClientQuery, ModelHelpers.ModelOnlyTimeout());
                    o.Send(counter, new Msg.IncrementRequest(3));
                    break;
                case InputTimer.ClientQuery:
                    o.Send(counter, new Msg.ReportRequest());
                    break;
            }
            state.Value = state.Value with { WaitCycles = state.Value.WaitCycles + 1 };
        }
    }

    /// <summary>A client with threshold 3 and a counter at Id(1); "success" is an <c>Eventually</c> property.</summary>
    public static ActorModel<Msg, Unit> Model() =>
        new ActorModel<Msg, Unit>(Unit.Value)
            .Actor(new Client(threshold: 3, counter: 1))
            .Actor(new Counter(new CounterState(1, 0)))
            .Property(Expectation.Eventually, "success", s => s.StatesOf<InputState>().Any(c => c.Success));
}
