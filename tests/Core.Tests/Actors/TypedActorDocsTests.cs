using Stateright.Actors;

namespace Stateright.Tests.Actors.TypedActorDocs;

// The code of docs/actors.md, "Typed timers and returned states", compiled and checked here.

public abstract record LockMsg
{
    public sealed record Acquire : LockMsg;
    public sealed record Granted : LockMsg;
}

public enum LockTimer { LeaseExpired }

public sealed record LockState(Id? Holder);

// Typed timers, and handlers that return the new state.
public sealed class LockServer : Actor<LockMsg, LockState, LockTimer>
{
    public override string Name => "Server";

    public override LockState OnStart(Id id, Out<LockMsg, LockTimer> o) => new(Holder: null);

    public override LockState OnMsg(Id id, LockState state, Id src, LockMsg msg, Out<LockMsg, LockTimer> o)
    {
        if (msg is not LockMsg.Acquire || state.Holder is not null) return state; // unchanged, no output: a no-op
        o.Send(src, new LockMsg.Granted());
        o.SetTimer(LockTimer.LeaseExpired, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        return state with { Holder = src };
    }

    public override LockState OnTimeout(Id id, LockState state, LockTimer timer, Out<LockMsg, LockTimer> o) =>
        timer == LockTimer.LeaseExpired ? state with { Holder = null } : state;
}

public enum Vote { Undecided, Yes, No }

// Typed random choices, no timers; the state is an enum, so returning an equal value means "unchanged".
public sealed class Voter : Actor<LockMsg, Vote, Unit, Vote>
{
    public override Vote OnStart(Id id, Out<LockMsg, Unit> o)
    {
        o.ChooseRandom("vote", [Vote.Yes, Vote.No]);
        return Vote.Undecided;
    }

    public override Vote OnRandom(Id id, Vote state, Vote vote, Out<LockMsg, Unit> o) => vote;
}

public class TypedActorDocsTests
{
    /// <summary>Sends Acquire to the server at start.</summary>
    private sealed class Acquirer : Actor<LockMsg, Unit>
    {
        public override Unit OnStart(Id id, Out<LockMsg> o)
        {
            o.Send(Id.From(0), new LockMsg.Acquire());
            return Unit.Value;
        }
    }

    [Fact]
    public void The_lock_server_grants_and_its_lease_expires()
    {
        var checker = ActorModel.Create<LockMsg>().Actor(new LockServer()).Actors([new Acquirer(), new Acquirer()])
            .InitNetwork(NetworkKind.UnorderedNonDuplicating)
            .Property(Expectation.Sometimes, "both granted", s => s.Network.All.Count(e => e.Msg is LockMsg.Granted) == 2)
            .Checker().SpawnBfs().Join();
        // A second Acquire is granted only after the first lease expired.
        var path = checker.AssertAnyDiscovery("both granted");
        Assert.Contains(path.Actions, a => a is ActorModelAction<LockMsg>.Timeout(_, LockTimer.LeaseExpired));
    }

    [Fact]
    public void The_voter_explores_both_votes()
    {
        var checker = ActorModel.Create<LockMsg>().Actor(new Voter())
            .Property(Expectation.Sometimes, "yes", s => s.StateOf<Vote>(Id.From(0)) == Vote.Yes)
            .Property(Expectation.Sometimes, "no", s => s.StateOf<Vote>(Id.From(0)) == Vote.No)
            .Checker().SpawnBfs().Join();
        Assert.Equal(3, checker.UniqueStateCount);
        checker.AssertAnyDiscovery("yes");
        checker.AssertAnyDiscovery("no");
    }
}
