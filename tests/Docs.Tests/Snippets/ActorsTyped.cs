// docs/actors.md "Typed timers and returning handlers": compiled on its own, types in the global namespace as on the page.
#region actors-typed
using Stateright.Actors;

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
#endregion
