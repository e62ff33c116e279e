using Stateright.Actors;

namespace Stateright.Tests.Actors;

/// <summary>
/// A small lease protocol written twice — untyped timers and <c>ref Cow</c> handlers, then typed timers
/// and choices with state-returning handlers — so tests can check both give the same state space.
/// A server grants a lease (a token) to one client at a time, expiring it on a timer; a granted client
/// randomly keeps or releases it, and asks again until it has held two leases. The lease bug: after an
/// expiry, two clients may both think they hold a lease.
/// </summary>
public static class Lease
{
    public abstract record Msg
    {
        public sealed record Request : Msg { public override string ToString() => "Request"; }
        public sealed record Grant(ulong Token) : Msg { public override string ToString() => $"Grant({Token})"; }
        public sealed record Release(ulong Token) : Msg { public override string ToString() => $"Release({Token})"; }
    }

    public enum Timer { Expire }

    public enum Choice { Keep, Release }

    public sealed record ServerState(Id? Holder, ulong NextToken);

    public sealed record ClientState(ulong? Token, int Acquired);

    private const ulong MaxToken = 3;
    private const int MaxLeasesPerClient = 2;
    private static readonly Id s_server = Id.From(0);

    /// <summary>The server with untyped timers and <c>ref Cow</c> handlers.</summary>
    public sealed class CowServer : Actor<Msg, ServerState>
    {
        public override string Name => "Server";

        public override ServerState OnStart(Id id, Out<Msg> o) => new(null, 1);

        public override void OnMsg(Id id, ref Cow<ServerState> state, Id src, Msg msg, Out<Msg> o)
        {
            var s = state.Value;
            switch (msg)
            {
                case Msg.Request when s.Holder is null && s.NextToken <= MaxToken:
                    state.Value = new ServerState(src, s.NextToken + 1);
                    o.Send(src, new Msg.Grant(s.NextToken));
                    o.SetTimer(Timer.Expire, ModelHelpers.ModelOnlyTimeout());
                    break;
                case Msg.Release(var token) when s.Holder == src && token == s.NextToken - 1:
                    state.Value = s with { Holder = null };
                    o.CancelTimer(Timer.Expire);
                    break;
            }
        }

        public override void OnTimeout(Id id, ref Cow<ServerState> state, object timer, Out<Msg> o)
        {
            if ((Timer)timer == Timer.Expire && state.Value.Holder is not null) state.Value = state.Value with { Holder = null };
        }
    }

    /// <summary>The client with untyped choices and <c>ref Cow</c> handlers.</summary>
    public sealed class CowClient : Actor<Msg, ClientState>
    {
        public override string Name => "Client";

        public override ClientState OnStart(Id id, Out<Msg> o)
        {
            o.Send(s_server, new Msg.Request());
            return new(null, 0);
        }

        public override void OnMsg(Id id, ref Cow<ClientState> state, Id src, Msg msg, Out<Msg> o)
        {
            if (msg is not Msg.Grant(var token) || state.Value.Token is not null) return;
            state.Value = new ClientState(token, state.Value.Acquired + 1);
            o.ChooseRandom("lease", [Choice.Keep, Choice.Release]);
        }

        public override void OnRandom(Id id, ref Cow<ClientState> state, object random, Out<Msg> o)
        {
            if ((Choice)random == Choice.Keep || state.Value.Token is not { } token) return;
            state.Value = state.Value with { Token = null };
            o.Send(s_server, new Msg.Release(token));
            if (state.Value.Acquired < MaxLeasesPerClient) o.Send(s_server, new Msg.Request());
        }
    }

    /// <summary>The server with typed timers and state-returning handlers.</summary>
    public sealed class ReturningServer : Actor<Msg, ServerState, Timer>
    {
        public override string Name => "Server";

        public override ServerState OnStart(Id id, Out<Msg, Timer> o) => new(null, 1);

        public override ServerState OnMsg(Id id, ServerState state, Id src, Msg msg, Out<Msg, Timer> o)
        {
            switch (msg)
            {
                case Msg.Request when state.Holder is null && state.NextToken <= MaxToken:
                    o.Send(src, new Msg.Grant(state.NextToken));
                    o.SetTimer(Timer.Expire, ModelHelpers.ModelOnlyTimeout());
                    return new ServerState(src, state.NextToken + 1);
                case Msg.Release(var token) when state.Holder == src && token == state.NextToken - 1:
                    o.CancelTimer(Timer.Expire);
                    return state with { Holder = null };
                default:
                    return state;
            }
        }

        public override ServerState OnTimeout(Id id, ServerState state, Timer timer, Out<Msg, Timer> o) =>
            timer == Timer.Expire && state.Holder is not null ? state with { Holder = null } : state;
    }

    /// <summary>The client with typed choices (no timers: <see cref="Unit"/>) and state-returning handlers.</summary>
    public sealed class ReturningClient : Actor<Msg, ClientState, Unit, Choice>
    {
        public override string Name => "Client";

        public override ClientState OnStart(Id id, Out<Msg, Unit> o)
        {
            o.Send(s_server, new Msg.Request());
            return new(null, 0);
        }

        public override ClientState OnMsg(Id id, ClientState state, Id src, Msg msg, Out<Msg, Unit> o)
        {
            if (msg is not Msg.Grant(var token) || state.Token is not null) return state;
            o.ChooseRandom("lease", [Choice.Keep, Choice.Release]);
            return new ClientState(token, state.Acquired + 1);
        }

        public override ClientState OnRandom(Id id, ClientState state, Choice random, Out<Msg, Unit> o)
        {
            if (random == Choice.Keep || state.Token is not { } token) return state;
            o.Send(s_server, new Msg.Release(token));
            if (state.Acquired < MaxLeasesPerClient) o.Send(s_server, new Msg.Request());
            return state with { Token = null };
        }
    }

    /// <summary>A server and two clients, built from the given actors.</summary>
    public static ActorModel<Msg, Unit> Model(IActor<Msg> server, Func<IActor<Msg>> client) =>
        ActorModel.Create<Msg>()
            .Actor(server)
            .Actors([client(), client()])
            .InitNetwork(NetworkKind.UnorderedNonDuplicating)
            .Property(Expectation.Always, "one holder", s => s.StatesOf<ClientState>().Count(c => c.Token is not null) <= 1)
            .Property(Expectation.Sometimes, "a client holds twice", s => s.StatesOf<ClientState>().Any(c => c.Acquired == MaxLeasesPerClient))
            .Property(Expectation.Sometimes, "all tokens granted", s => s.StateOf<ServerState>(s_server).NextToken > MaxToken);

    /// <summary>The protocol with untyped timers and <c>ref Cow</c> handlers.</summary>
    public static ActorModel<Msg, Unit> CowModel() => Model(new CowServer(), () => new CowClient());

    /// <summary>The same protocol with typed timers and choices and state-returning handlers.</summary>
    public static ActorModel<Msg, Unit> ReturningModel() => Model(new ReturningServer(), () => new ReturningClient());
}
