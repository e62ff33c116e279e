// docs/actors.md: an actor, and a type that renames its own ids.
namespace Docs.Actors;

#region actors-server
using Stateright.Actors;
using Stateright.Actors.Register;

// The seed chapter's server: a register holding a character.
public sealed class ServerActor : Actor<RegisterMsg<ulong, char, Unit>, char>
{
    public override char OnStart(Id id, Out<RegisterMsg<ulong, char, Unit>> o) => '?';

    public override void OnMsg(Id id, ref Cow<char> state, Id src, RegisterMsg<ulong, char, Unit> msg, Out<RegisterMsg<ulong, char, Unit>> o)
    {
        switch (msg)
        {
            case RegisterMsg<ulong, char, Unit>.Put(var requestId, var value):
                state.Value = value;                                          // marks the state changed
                o.Send(src, new RegisterMsg<ulong, char, Unit>.PutOk(requestId));
                break;
            case RegisterMsg<ulong, char, Unit>.Get(var requestId):
                o.Send(src, new RegisterMsg<ulong, char, Unit>.GetOk(requestId, state.Value));
                break;
        }
    }
}
#endregion

#region actors-ballot
public sealed record Ballot(ulong Round, Id Leader) : IRewritable<Ballot>
{
    public Ballot Rewrite(IdPermutation permutation) => this with { Leader = permutation.Map(Leader) };
}
#endregion
