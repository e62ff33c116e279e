using Stateright;
using Stateright.Actors;

namespace Company.ModelTests;

/// <summary>What the lock server and its clients send each other.</summary>
public abstract record LeaseMsg
{
    /// <summary>A client asks for the lock.</summary>
    public sealed record Acquire : LeaseMsg
    {
        /// <inheritdoc />
        public override string ToString() => "Acquire";
    }

    /// <summary>The server grants the lock for a while, with a fencing token that grows with each grant.</summary>
    public sealed record Grant(ulong Token) : LeaseMsg
    {
        /// <inheritdoc />
        public override string ToString() => $"Grant({Token})";
    }

    /// <summary>A client is done with the lock it got with <paramref name="Token"/>.</summary>
    public sealed record Release(ulong Token) : LeaseMsg
    {
        /// <inheritdoc />
        public override string ToString() => $"Release({Token})";
    }
}

/// <summary>The server's lease, which runs out on its own; the client's work, which ends.</summary>
public enum LeaseTimer { LeaseExpired, WorkDone }

/// <summary>The lock server: the client holding the lease (if any) and the last token it gave.</summary>
public sealed record ServerState(Id? Holder, ulong LastToken);

/// <summary>Grants the lock to one client at a time, and takes it back when the lease runs out.</summary>
public sealed class LeaseServer : Actor<LeaseMsg, ServerState, LeaseTimer>
{
    /// <inheritdoc />
    public override string Name => "Server";

    /// <inheritdoc />
    public override ServerState OnStart(Id id, Out<LeaseMsg, LeaseTimer> o) => new(Holder: null, LastToken: 0);

    /// <inheritdoc />
    public override ServerState OnMsg(Id id, ServerState state, Id src, LeaseMsg msg, Out<LeaseMsg, LeaseTimer> o)
    {
        switch (msg)
        {
            case LeaseMsg.Acquire when state.Holder is null:
                o.Send(src, new LeaseMsg.Grant(state.LastToken + 1));
                o.SetTimer(LeaseTimer.LeaseExpired, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
                return new ServerState(src, state.LastToken + 1);
            case LeaseMsg.Release(var token) when token == state.LastToken && state.Holder == src:
                o.CancelTimer(LeaseTimer.LeaseExpired);
                return state with { Holder = null };
            default:
                return state; // busy, or a stale release: nothing happens (the Acquire waits in the network)
        }
    }

    /// <inheritdoc />
    public override ServerState OnTimeout(Id id, ServerState state, LeaseTimer timer, Out<LeaseMsg, LeaseTimer> o) =>
        state with { Holder = null }; // the lease ran out: the lock is free again, whatever the holder thinks
}

/// <summary>Where a client is: waiting for the lock, working under a token, or done.</summary>
public enum Phase { Waiting, Working, Done }

/// <summary>A client: its phase and the token it works under.</summary>
public sealed record ClientState(Phase Phase, ulong Token);

/// <summary>Asks for the lock once, works while it believes it holds it, then releases it.</summary>
public sealed class LeaseClient(Id server) : Actor<LeaseMsg, ClientState, LeaseTimer>
{
    /// <inheritdoc />
    public override string Name => "Client";

    /// <inheritdoc />
    public override ClientState OnStart(Id id, Out<LeaseMsg, LeaseTimer> o)
    {
        o.Send(server, new LeaseMsg.Acquire());
        return new ClientState(Phase.Waiting, Token: 0);
    }

    /// <inheritdoc />
    public override ClientState OnMsg(Id id, ClientState state, Id src, LeaseMsg msg, Out<LeaseMsg, LeaseTimer> o)
    {
        if (msg is not LeaseMsg.Grant(var token) || state.Phase != Phase.Waiting) return state;
        o.SetTimer(LeaseTimer.WorkDone, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        return new ClientState(Phase.Working, token);
    }

    /// <inheritdoc />
    public override ClientState OnTimeout(Id id, ClientState state, LeaseTimer timer, Out<LeaseMsg, LeaseTimer> o)
    {
        o.Send(server, new LeaseMsg.Release(state.Token));
        return state with { Phase = Phase.Done };
    }
}

/// <summary>One lock server (Id 0) and two clients (Id 1 and Id 2).</summary>
public static class LeaseSystem
{
    /// <summary>
    /// The model and its two properties: "unique tokens" (no two working clients share a fencing token)
    /// holds; "mutual exclusion" (at most one client works at a time) does not, because a lease can run
    /// out while its holder is still working.
    /// </summary>
    public static ActorModel<LeaseMsg, Unit> Model() =>
        ActorModel.Create<LeaseMsg>()
            .Actor(new LeaseServer())
            .Actor(new LeaseClient(server: 0))
            .Actor(new LeaseClient(server: 0))
            .InitNetwork(NetworkKind.UnorderedNonDuplicating)
            .Property(Expectation.Always, "mutual exclusion", s => Working(s).Count() <= 1)
            .Property(Expectation.Always, "unique tokens", s => Working(s).Select(c => c.Token).Distinct().Count() == Working(s).Count());

    private static IEnumerable<ClientState> Working(ActorModelState<LeaseMsg, Unit> state) =>
        state.StatesOf<ClientState>().Where(c => c.Phase == Phase.Working);
}
