using Stateright.Actors;
using Stateright.Runtime;

namespace Stateright.Tests.Runtime;

/// <summary>The UDP runtime calls a typed actor's handlers with its typed timers and choices.</summary>
public class TypedTimerRuntimeTests
{
    private abstract record TickTimer
    {
        public sealed record Tick(int N) : TickTimer;
        public sealed record Never : TickTimer;
    }

    /// <summary>On Subscribe, ticks three times, each tick's number carried by its timer; on Flip, answers with a typed choice.</summary>
    private sealed class TypedTicker : Actor<ProbeMsg, ProbeState, TickTimer, string>
    {
        private static readonly (TimeSpan, TimeSpan) s_short = (TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20));

        public override ProbeState OnStart(Id id, Out<ProbeMsg, TickTimer> o) => new(null, 0, 0);

        public override ProbeState OnMsg(Id id, ProbeState state, Id src, ProbeMsg msg, Out<ProbeMsg, TickTimer> o)
        {
            switch (msg)
            {
                case ProbeMsg.Subscribe:
                    o.SetTimer(new TickTimer.Never(), s_short);
                    o.CancelTimer(new TickTimer.Never());
                    o.SetTimer(new TickTimer.Tick(1), s_short);
                    return state with { Subscriber = src };
                case ProbeMsg.Flip:
                    o.ChooseRandom("coin", ["heads", "tails"]);
                    return state with { Subscriber = src };
                default:
                    return state;
            }
        }

        public override ProbeState OnTimeout(Id id, ProbeState state, TickTimer timer, Out<ProbeMsg, TickTimer> o)
        {
            if (state.Subscriber is not { } to) return state;
            switch (timer)
            {
                case TickTimer.Tick(var n):
                    o.Send(to, new ProbeMsg.Tick(n));
                    if (n < 3) o.SetTimer(new TickTimer.Tick(n + 1), s_short);
                    break;
                case TickTimer.Never:
                    o.Send(to, new ProbeMsg.Late());
                    break;
            }
            return state;
        }

        public override ProbeState OnRandom(Id id, ProbeState state, string random, Out<ProbeMsg, TickTimer> o)
        {
            if (state.Subscriber is { } to) o.Send(to, new ProbeMsg.Chosen(random));
            return state;
        }
    }

    [Fact]
    public async Task Typed_timers_and_choices_arrive_typed()
    {
        var options = new ActorRuntimeOptions<ProbeMsg> { RandomChoiceDelay = (TimeSpan.Zero, TimeSpan.FromMilliseconds(20)) };
        await using var cluster = LoopbackCluster.Start<ProbeMsg>([new TypedTicker()], options);
        var client = cluster.CreateClient();
        await client.SendAsync(cluster[0], new ProbeMsg.Subscribe());
        for (var n = 1; n <= 3; n++) Assert.Equal(new ProbeMsg.Tick(n), await client.ReceiveAsync(m => m is ProbeMsg.Tick));
        var chosen = (ProbeMsg.Chosen)await client.RequestAsync(cluster[0], new ProbeMsg.Flip(), m => m is ProbeMsg.Chosen);
        Assert.Contains(chosen.Side, (string[])["heads", "tails"]);
        Assert.DoesNotContain(client.Received, m => m.Msg is ProbeMsg.Late);
    }
}
