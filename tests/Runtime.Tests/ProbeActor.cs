using Stateright.Actors;

namespace Stateright.Tests.Runtime;

/// <summary>The probe's messages: requests from a test client and the probe's answers.</summary>
public abstract record ProbeMsg
{
    /// <summary>Start ticking to the sender: three ticks, each after a short timer; a cancelled timer must never fire.</summary>
    public sealed record Subscribe : ProbeMsg;
    public sealed record Tick(int N) : ProbeMsg;
    public sealed record Late : ProbeMsg;
    /// <summary>Flip a coin through ChooseRandom; the side comes back as Chosen.</summary>
    public sealed record Flip : ProbeMsg;
    public sealed record Chosen(string Side) : ProbeMsg;
    /// <summary>Increment the durable counter (saved) and answer with it.</summary>
    public sealed record Increment(ulong RequestId) : ProbeMsg;
    public sealed record Read(ulong RequestId) : ProbeMsg;
    public sealed record Counted(ulong RequestId, int Counter) : ProbeMsg;
    /// <summary>Send to an id that encodes no endpoint, and an unsendable (too large) message to the sender, then answer.</summary>
    public sealed record Misbehave(ulong RequestId) : ProbeMsg;
    public sealed record Blob(string Payload) : ProbeMsg;
    /// <summary>Throw from the handler.</summary>
    public sealed record Crash : ProbeMsg;
    /// <summary>Send Echo to itself through the socket; on receiving it from itself, report to the subscriber.</summary>
    public sealed record SelfSend(ulong RequestId) : ProbeMsg;
    public sealed record Echo(ulong RequestId) : ProbeMsg;
    public sealed record EchoedFromSelf(ulong RequestId) : ProbeMsg;
}

public sealed record ProbeState(Id? Subscriber, int Ticks, int Counter);

public sealed record ProbeStorage(int Counter);

/// <summary>An actor that exercises every runtime command: timers, random choices, storage, odd sends.</summary>
public sealed class ProbeActor : Actor<ProbeMsg, ProbeState>
{
    private static readonly (TimeSpan, TimeSpan) s_short = (TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20));

    public override ProbeState OnStart(Id id, Out<ProbeMsg> o) => new(null, 0, 0);

    public override ProbeState OnStart(Id id, object? storage, Out<ProbeMsg> o) => new(null, 0, storage is ProbeStorage saved ? saved.Counter : 0);

    public override void OnMsg(Id id, ref Cow<ProbeState> state, Id src, ProbeMsg msg, Out<ProbeMsg> o)
    {
        switch (msg)
        {
            case ProbeMsg.Subscribe:
                state.Value = state.Value with { Subscriber = src, Ticks = 0 };
                o.SetTimer("late", TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2));
                o.CancelTimer("late");
                o.SetTimer("tick", s_short);
                break;
            case ProbeMsg.Flip:
                state.Value = state.Value with { Subscriber = src };
                o.ChooseRandom("coin", ["heads", "tails"]);
                break;
            case ProbeMsg.Increment(var requestId):
                var counter = state.Value.Counter + 1;
                state.Value = state.Value with { Counter = counter };
                o.Save(new ProbeStorage(counter));
                o.Send(src, new ProbeMsg.Counted(requestId, counter));
                break;
            case ProbeMsg.Read(var requestId):
                o.Send(src, new ProbeMsg.Counted(requestId, state.Value.Counter));
                break;
            case ProbeMsg.Misbehave(var requestId):
                o.Send(new Id(ulong.MaxValue), new ProbeMsg.Read(0));
                o.Send(src, new ProbeMsg.Blob(new string('x', 70_000)));
                o.Send(src, new ProbeMsg.Counted(requestId, state.Value.Counter));
                break;
            case ProbeMsg.Crash:
                throw new InvalidOperationException("The probe crashes on purpose.");
            case ProbeMsg.SelfSend(var requestId):
                state.Value = state.Value with { Subscriber = src };
                o.Send(id, new ProbeMsg.Echo(requestId));
                break;
            case ProbeMsg.Echo(var requestId) when src == id && state.Value.Subscriber is { } subscriber:
                o.Send(subscriber, new ProbeMsg.EchoedFromSelf(requestId));
                break;
        }
    }

    public override void OnTimeout(Id id, ref Cow<ProbeState> state, object timer, Out<ProbeMsg> o)
    {
        if (state.Value.Subscriber is not { } subscriber) return;
        if (timer is "late")
        {
            o.Send(subscriber, new ProbeMsg.Late());
            return;
        }
        var ticks = state.Value.Ticks + 1;
        state.Value = state.Value with { Ticks = ticks };
        o.Send(subscriber, new ProbeMsg.Tick(ticks));
        if (ticks < 3) o.SetTimer("tick", s_short);
    }

    public override void OnRandom(Id id, ref Cow<ProbeState> state, object random, Out<ProbeMsg> o)
    {
        if (state.Value.Subscriber is { } subscriber) o.Send(subscriber, new ProbeMsg.Chosen((string)random));
    }
}
