using Stateright.Actors;

namespace Stateright.Tests.Actors;

/// <summary>The Rust library's ping-pong test fixture: two actors counting messages back and forth.</summary>
public abstract record PingPongMsg
{
    public sealed record Ping(uint Value) : PingPongMsg { public override string ToString() => $"Ping({Value})"; }
    public sealed record Pong(uint Value) : PingPongMsg { public override string ToString() => $"Pong({Value})"; }
}

public sealed class PingPongActor(Id? serveTo) : Actor<PingPongMsg, uint>
{
    public override uint OnStart(Id id, Out<PingPongMsg> o)
    {
        if (serveTo is { } target) o.Send(target, new PingPongMsg.Ping(0));
        return 0;
    }

    public override void OnMsg(Id id, ref Cow<uint> state, Id src, PingPongMsg msg, Out<PingPongMsg> o)
    {
        switch (msg)
        {
            case PingPongMsg.Pong(var value) when state.Value == value:
                o.Send(src, new PingPongMsg.Ping(value + 1));
                state.Value++;
                break;
            case PingPongMsg.Ping(var value) when state.Value == value:
                o.Send(src, new PingPongMsg.Pong(value));
                state.Value++;
                break;
        }
    }
}

/// <summary>(messages in, messages out)</summary>
public sealed record PingPongHistory(uint In, uint Out);

public static class PingPong
{
    public static ActorModel<PingPongMsg, PingPongHistory> Model(uint maxNat, bool maintainsHistory = false) =>
        new ActorModel<PingPongMsg, PingPongHistory>(new PingPongHistory(0, 0))
            .Actor(new PingPongActor(Id.From(1)))
            .Actor(new PingPongActor(null))
            .RecordMsgIn((h, _) => maintainsHistory ? h with { In = h.In + 1 } : h)
            .RecordMsgOut((h, _) => maintainsHistory ? h with { Out = h.Out + 1 } : h)
            .WithinBoundary(s => s.StatesOf<uint>().All(count => count <= maxNat))
            .Property(Expectation.Always, "delta within 1", s => s.StatesOf<uint>().Max() - s.StatesOf<uint>().Min() <= 1)
            .Property(Expectation.Sometimes, "can reach max", s => s.StatesOf<uint>().Any(count => count == maxNat))
            .Property(Expectation.Eventually, "must reach max", s => s.StatesOf<uint>().Any(count => count == maxNat))
            .Property(Expectation.Eventually, "must exceed max", s => s.StatesOf<uint>().Any(count => count == maxNat + 1))
            .Property(Expectation.Always, "#in <= #out", s => s.History.In <= s.History.Out)
            .Property(Expectation.Eventually, "#out <= #in + 1", s => s.History.Out <= s.History.In + 1);
}
