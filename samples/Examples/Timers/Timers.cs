using Stateright.Actors;

namespace Stateright.Examples;

/// <summary>
/// Pingers with several named timers: <c>Even</c> pings the even-numbered peers, <c>Odd</c> the odd ones,
/// <c>NoOp</c> only re-arms itself (so the checker skips it). A demonstration of timers; the state
/// space is unbounded (counters grow), so bound the run with a depth or a timeout.
/// </summary>
public static class Timers
{
    /// <summary>The pingers' messages.</summary>
    public enum PingerMsg { Ping, Pong }

    /// <summary>The pingers' timers.</summary>
    public enum PingerTimer { Even, Odd, NoOp }

    /// <summary>Pings sent and pongs received.</summary>
    public sealed record PingerState(int Sent, int Received);

    /// <summary>A pinger: typed timers, and handlers that return the new state.</summary>
    public sealed class Pinger(IReadOnlyList<Id> peers) : Actor<PingerMsg, PingerState, PingerTimer>
    {
        /// <inheritdoc/>
        public override PingerState OnStart(Id id, Out<PingerMsg, PingerTimer> o)
        {
            o.SetTimer(PingerTimer.Even, ModelHelpers.ModelOnlyTimeout());
            o.SetTimer(PingerTimer.Odd, ModelHelpers.ModelOnlyTimeout());
            o.SetTimer(PingerTimer.NoOp, ModelHelpers.ModelOnlyTimeout());
            return new PingerState(0, 0);
        }

        /// <inheritdoc/>
        public override PingerState OnMsg(Id id, PingerState state, Id src, PingerMsg msg, Out<PingerMsg, PingerTimer> o)
        {
            if (msg == PingerMsg.Pong) return state with { Received = state.Received + 1 };
            o.Send(src, PingerMsg.Pong);
            return state;
        }

        /// <inheritdoc/>
        public override PingerState OnTimeout(Id id, PingerState state, PingerTimer timer, Out<PingerMsg, PingerTimer> o)
        {
            o.SetTimer(timer, ModelHelpers.ModelOnlyTimeout());
            if (timer == PingerTimer.NoOp) return state; // unchanged, and only re-armed: a no-op the checker skips
            foreach (var peer in peers)
            {
                if ((peer.Value % 2 == 0) != (timer == PingerTimer.Even)) continue;
                state = state with { Sent = state.Sent + 1 };
                o.Send(peer, PingerMsg.Ping);
            }
            return state;
        }
    }

    /// <summary><paramref name="serverCount"/> pingers; the only property is the trivially true "true".</summary>
    public static ActorModel<PingerMsg, Unit> Model(int serverCount = 3, NetworkKind network = NetworkKind.UnorderedNonDuplicating)
    {
        var model = new ActorModel<PingerMsg, Unit>(Unit.Value);
        for (var i = 0; i < serverCount; i++) model.Actor(new Pinger(ModelHelpers.ModelPeers(i, serverCount)));
        return model.InitNetwork(network).Property(Expectation.Always, "true", _ => true);
    }
}
