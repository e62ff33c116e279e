using Stateright.Actors;
using Stateright.Actors.Register;

namespace GettingStarted;

/// <summary>
/// The seed chapter's server: a single register holding a character ('?' at first). It answers
/// <c>Put</c> by storing the value and <c>Get</c> by returning it, based only on its own state.
/// </summary>
public sealed class ServerActor : Actor<RegisterMsg<ulong, char, Unit>, char>
{
    /// <summary>How traces name this actor: <c>Server#0</c>.</summary>
    public override string Name => "Server";

    /// <summary>The default value of the register.</summary>
    public override char OnStart(Id id, Out<RegisterMsg<ulong, char, Unit>> o) => '?';

    /// <summary>Stores on <c>Put</c> (acknowledging with <c>PutOk</c>), answers <c>Get</c> with <c>GetOk</c>.</summary>
    public override void OnMsg(Id id, ref Cow<char> state, Id src, RegisterMsg<ulong, char, Unit> msg, Out<RegisterMsg<ulong, char, Unit>> o)
    {
        switch (msg)
        {
            case RegisterMsg<ulong, char, Unit>.Put(var requestId, var value):
                state.Value = value;
                o.Send(src, new RegisterMsg<ulong, char, Unit>.PutOk(requestId));
                break;
            case RegisterMsg<ulong, char, Unit>.Get(var requestId):
                o.Send(src, new RegisterMsg<ulong, char, Unit>.GetOk(requestId, state.Value));
                break;
        }
    }
}
