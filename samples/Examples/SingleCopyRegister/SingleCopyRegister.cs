using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Semantics;

namespace Stateright.Examples;

/// <summary>
/// A register served by independent, unreplicated servers: each keeps its own copy. With one server it
/// is linearizable; with two, a client can write to one and read the old value from the other.
/// </summary>
public static class SingleCopyRegister
{

    /// <summary>A server: a single register value, '\0' at first.</summary>
    public sealed class Server : Actor<RegisterMsg<ulong, char, Unit>, char>
    {
        /// <inheritdoc/>
        public override char OnStart(Id id, Out<RegisterMsg<ulong, char, Unit>> o) => '\0';

        /// <inheritdoc/>
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


    /// <summary>
    /// <paramref name="serverCount"/> servers, then <paramref name="clientCount"/> clients that each put
    /// once then get; properties "linearizable" (Always) and "value chosen" (Sometimes: some read
    /// returns a written value).
    /// With <paramref name="interchangeableClients"/>, the clients do not depend on their ids (each
    /// writes 'A', and sends its put to server 0 and its get to server 1 % servers) and the model
    /// declares them symmetric, for checking with symmetry reduction.
    /// </summary>
    public static ActorModel<RegisterMsg<ulong, char, Unit>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>> Model(
        int clientCount, int serverCount, NetworkKind network = NetworkKind.UnorderedNonDuplicating, bool interchangeableClients = false)
    {
        var model = new ActorModel<RegisterMsg<ulong, char, Unit>, LinearizabilityTester<Id, Register<char>, RegisterOp<char>, RegisterRet<char>>>(new(new Register<char>('\0')));
        for (var i = 0; i < serverCount; i++) model.Actor(new Server());
        for (var i = 0; i < clientCount; i++)
            model.Actor(interchangeableClients ? RegisterActor.InterchangeableClient<Unit>(putCount: 1, serverCount) : RegisterActor.Client(putCount: 1, serverCount));
        if (interchangeableClients && clientCount >= 2) model.Symmetric(Id.Range(serverCount, clientCount));
        return model
            .InitNetwork(network)
            .Property(Expectation.Always, "linearizable", s => s.History.SerializedHistory() is not null)
            .Property(Expectation.Sometimes, "value chosen", s => s.Network.Deliverable.Any(e => e.Msg is RegisterMsg<ulong, char, Unit>.GetOk { Value: not '\0' }))
            .RecordMsgIn(RegisterHistory.RecordReturns)
            .RecordMsgOut(RegisterHistory.RecordInvocations);
    }
}
