namespace Stateright.Actors.Register;

/// <summary>
/// Test fixtures for register services: a client that writes distinct values and then reads, and a
/// way to name the server under test. Servers must be added to the model before clients, so that
/// server ids are 0..serverCount-1.
/// </summary>
public static class RegisterActor
{
    /// <summary>
    /// A client that sends <paramref name="putCount"/> <c>Put</c>s, each after the previous one is
    /// acknowledged, then a <c>Get</c>. Client <c>k</c> (counted from 0 after the servers) first
    /// writes <c>'A' + k</c>, later <c>'Z' - k</c>; request ids are multiples of its id; requests go
    /// to the servers in turn.
    /// </summary>
    public static RegisterClient<TInternal> Client<TInternal>(int putCount, int serverCount) => new(putCount, serverCount);

    /// <summary>
    /// A client like <see cref="Client{TInternal}(int, int)"/> whose behaviour does not depend on its
    /// id, so that clients can be declared interchangeable (<c>model.Symmetric(…)</c>): every client
    /// writes <c>'A'</c> first and <c>'Z'</c> later, numbers its requests 1, 2, …, and sends its
    /// <c>k</c>-th request (from 0) to server <c>k % serverCount</c>.
    /// </summary>
    public static RegisterClient<TInternal> InterchangeableClient<TInternal>(int putCount, int serverCount) => new(putCount, serverCount, interchangeable: true);

    /// <summary>A client for servers that exchange no internal messages.</summary>
    public static RegisterClient<Unit> Client(int putCount, int serverCount) => new(putCount, serverCount);

    /// <summary>A write-once register client (see <see cref="WriteOnceRegisterClient{TInternal}"/>).</summary>
    public static WriteOnceRegisterClient<TInternal> WriteOnceClient<TInternal>(int putCount, int serverCount) => new(putCount, serverCount);

    /// <summary>The server under test, as is: in C# actors of different classes mix freely in one model.</summary>
    public static IActor<RegisterMsg<ulong, char, TInternal>> Server<TInternal>(IActor<RegisterMsg<ulong, char, TInternal>> server) => server;
}

/// <summary>A register client's state: the request it awaits (if any) and how many operations it has issued.</summary>
public sealed record RegisterClientState(ulong? Awaiting, ulong OpCount)
{
    /// <inheritdoc/>
    public override string ToString() => $"Client {{ awaiting: {(Awaiting is { } a ? a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None")}, op_count: {OpCount} }}";
}

/// <summary>The client of <see cref="RegisterActor.Client{TInternal}(int, int)"/>.</summary>
public sealed class RegisterClient<TInternal> : Actor<RegisterMsg<ulong, char, TInternal>, RegisterClientState>
{
    private readonly ClientSchedule _schedule;

    /// <summary>Creates the client.</summary>
    public RegisterClient(int putCount, int serverCount) : this(putCount, serverCount, interchangeable: false) { }

    /// <summary>Creates the client; an <paramref name="interchangeable"/> one does not depend on its id (see <see cref="RegisterActor.InterchangeableClient{TInternal}"/>).</summary>
    public RegisterClient(int putCount, int serverCount, bool interchangeable)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(putCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(serverCount, 1);
        _schedule = new ClientSchedule((ulong)serverCount, putCount, interchangeable);
    }

    /// <inheritdoc/>
    public override string Name => "Client";

    /// <inheritdoc/>
    public override RegisterClientState OnStart(Id id, Out<RegisterMsg<ulong, char, TInternal>> o)
    {
        if (_schedule.First(id) is not var (server, requestId, value)) return new RegisterClientState(null, 0);
        o.Send(server, new RegisterMsg<ulong, char, TInternal>.Put(requestId, value));
        return new RegisterClientState(requestId, 1);
    }

    /// <inheritdoc/>
    public override void OnMsg(Id id, ref Cow<RegisterClientState> state, Id src, RegisterMsg<ulong, char, TInternal> msg, Out<RegisterMsg<ulong, char, TInternal>> o)
    {
        if (state.Value.Awaiting is not { } awaiting) return;
        var opCount = state.Value.OpCount;
        switch (msg)
        {
            case RegisterMsg<ulong, char, TInternal>.PutOk ok when ok.RequestId == awaiting:
                var (server, requestId, putValue) = _schedule.Next(id, opCount);
                o.Send(server, putValue is { } value
                    ? new RegisterMsg<ulong, char, TInternal>.Put(requestId, value)
                    : new RegisterMsg<ulong, char, TInternal>.Get(requestId));
                state.Value = new RegisterClientState(requestId, opCount + 1);
                break;
            case RegisterMsg<ulong, char, TInternal>.GetOk ok when ok.RequestId == awaiting:
                state.Value = new RegisterClientState(null, opCount + 1);
                break;
        }
    }
}
