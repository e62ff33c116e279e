using Stateright.Actors;

namespace Stateright.Tests.Actors;

/// <summary>Trace text for actor models: names, only what changed, nulls, and no timer durations.</summary>
public class TraceTextV2Tests
{
    public abstract record LockMsg
    {
        public sealed record Acquire : LockMsg;
        public sealed record Granted(int Token) : LockMsg;
    }

    public enum LockTimer { LeaseExpired }

    public sealed record ServerState(Id? Holder, int NextToken);

    /// <summary>Grants a lease to the first client that asks; the lease expires on a timer.</summary>
    public sealed class LeaseServer(TimeSpan lease) : Actor<LockMsg, ServerState>
    {
        public override string Name => "Server";
        public override ServerState OnStart(Id id, Out<LockMsg> o) => new(null, 1);
        public override void OnMsg(Id id, ref Cow<ServerState> state, Id src, LockMsg msg, Out<LockMsg> o)
        {
            if (msg is not LockMsg.Acquire || state.Value.Holder is not null) return;
            o.Send(src, new LockMsg.Granted(state.Value.NextToken));
            o.SetTimer(LockTimer.LeaseExpired, lease, lease);
            state.Value = new ServerState(src, state.Value.NextToken + 1);
        }
        public override void OnTimeout(Id id, ref Cow<ServerState> state, object timer, Out<LockMsg> o) =>
            state.Value = state.Value with { Holder = null };
    }

    /// <summary>The same server with a typed timer and state-returning handlers.</summary>
    public sealed class TypedLeaseServer(TimeSpan lease) : Actor<LockMsg, ServerState, LockTimer>
    {
        public override string Name => "Server";
        public override ServerState OnStart(Id id, Out<LockMsg, LockTimer> o) => new(null, 1);
        public override ServerState OnMsg(Id id, ServerState state, Id src, LockMsg msg, Out<LockMsg, LockTimer> o)
        {
            if (msg is not LockMsg.Acquire || state.Holder is not null) return state;
            o.Send(src, new LockMsg.Granted(state.NextToken));
            o.SetTimer(LockTimer.LeaseExpired, lease, lease);
            return new ServerState(src, state.NextToken + 1);
        }
        public override ServerState OnTimeout(Id id, ServerState state, LockTimer timer, Out<LockMsg, LockTimer> o) =>
            state with { Holder = null };
    }

    public sealed class LockClient : Actor<LockMsg, string>
    {
        public override string Name => "Client";
        public override string OnStart(Id id, Out<LockMsg> o)
        {
            o.Send(Id.From(0), new LockMsg.Acquire());
            return "waiting";
        }
        public override void OnMsg(Id id, ref Cow<string> state, Id src, LockMsg msg, Out<LockMsg> o) => state.Value = "holding";
    }

    private static string Trace(TimeSpan lease) => Trace(new LeaseServer(lease));

    private static string Trace(IActor<LockMsg> server)
    {
        var model = ActorModel.Create<LockMsg>()
            .Actor(server)
            .Actor(new LockClient())
            .InitNetwork(NetworkKind.UnorderedNonDuplicating)
            .Property(Expectation.Sometimes, "lease expired while held", s => s.StateOf<ServerState>(Id.From(0)) is { Holder: null, NextToken: 2 } && s.StateOf<string>(Id.From(1)) == "holding");
        var checker = model.Checker().SpawnBfs().Join();
        return TraceText.Discovery(model, model.Property("lease expired while held"), checker.Discovery("lease expired while held")!, includeStates: true);
    }

    [Fact]
    public void Steps_name_actors_show_only_changes_render_nulls_and_leave_out_timer_durations()
    {
        Assert.Equal("""
            Property "lease expired while held" (Sometimes): example in 3 steps:
              0. initial state: Server#0: ServerState { Holder = null, NextToken = 1 }
                   Client#1: "waiting"
                   Network: unordered-nonduplicating {Client#1 → Acquire {} → Server#0}
              1. Client#1 → Acquire {} → Server#0
                 out: send Granted { Token = 1 } → Client#1; set timer LeaseExpired
                 state: ServerState { Holder = null, NextToken = 1 } ⇒ ServerState { Holder = Id(1), NextToken = 2 }
                 network: −Client#1 → Acquire {} → Server#0
                 timers of Server#0: {} ⇒ {LeaseExpired}
              2. Server#0 → Granted { Token = 1 } → Client#1
                 out: none
                 state: "waiting" ⇒ "holding"
                 network: −Server#0 → Granted { Token = 1 } → Client#1
              3. Timeout(Server#0, LeaseExpired)
                 out: none
                 state: ServerState { Holder = Id(1), NextToken = 2 } ⇒ ServerState { Holder = null, NextToken = 2 }
                 timers of Server#0: {LeaseExpired} ⇒ {}
            Last state: Server#0: ServerState { Holder = null, NextToken = 2 }
                   Client#1: "holding"
                   Network: unordered-nonduplicating {}
            Index path: 0/0/0/0

            """.Replace("\r\n", "\n"), Trace(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Changing_a_timer_duration_changes_no_trace()
    {
        Assert.Equal(Trace(TimeSpan.FromSeconds(5)), Trace(TimeSpan.FromMinutes(3)));
        Assert.DoesNotContain("00:0", Trace(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void A_server_moved_to_a_typed_timer_and_returned_states_gives_the_same_trace() =>
        Assert.Equal(Trace(TimeSpan.FromSeconds(5)), Trace(new TypedLeaseServer(TimeSpan.FromSeconds(5))));
}
