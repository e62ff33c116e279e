using Stateright.Semantics;

namespace Stateright.Actors.Register;

/// <summary>
/// The messages of a write-once register service: like <see cref="RegisterMsg{TRequestId, TValue, TInternal}"/>,
/// plus <c>PutFail</c> for a write refused because a value was already written.
/// </summary>
public abstract record WriteOnceRegisterMsg<TRequestId, TValue, TInternal>
{
    private WriteOnceRegisterMsg() { }

    /// <summary>A server-to-server message.</summary>
    public sealed record Internal(TInternal Msg) : WriteOnceRegisterMsg<TRequestId, TValue, TInternal>
    {
        /// <inheritdoc/>
        public override string ToString() => $"Internal({Msg})";
    }

    /// <summary>A client asks to write <c>Value</c>.</summary>
    public sealed record Put(TRequestId RequestId, TValue Value) : WriteOnceRegisterMsg<TRequestId, TValue, TInternal>
    {
        /// <inheritdoc/>
        public override string ToString() => $"Put({ValueText.Format(RequestId)}, {ValueText.Format(Value)})";
    }

    /// <summary>A client asks to read.</summary>
    public sealed record Get(TRequestId RequestId) : WriteOnceRegisterMsg<TRequestId, TValue, TInternal>
    {
        /// <inheritdoc/>
        public override string ToString() => $"Get({ValueText.Format(RequestId)})";
    }

    /// <summary>A server accepted a write.</summary>
    public sealed record PutOk(TRequestId RequestId) : WriteOnceRegisterMsg<TRequestId, TValue, TInternal>
    {
        /// <inheritdoc/>
        public override string ToString() => $"PutOk({ValueText.Format(RequestId)})";
    }

    /// <summary>A server refused a write: a value was already written.</summary>
    public sealed record PutFail(TRequestId RequestId) : WriteOnceRegisterMsg<TRequestId, TValue, TInternal>
    {
        /// <inheritdoc/>
        public override string ToString() => $"PutFail({ValueText.Format(RequestId)})";
    }

    /// <summary>A server answers a read with <c>Value</c>.</summary>
    public sealed record GetOk(TRequestId RequestId, TValue Value) : WriteOnceRegisterMsg<TRequestId, TValue, TInternal>
    {
        /// <inheritdoc/>
        public override string ToString() => $"GetOk({ValueText.Format(RequestId)}, {ValueText.Format(Value)})";
    }
}

/// <summary>Records a write-once register service's operations into a consistency tester.</summary>
public static class WriteOnceRegisterHistory
{
    /// <summary>Records each <c>Put</c> / <c>Get</c> a client sends as an invocation (pass to <c>RecordMsgOut</c>).</summary>
    public static TTester RecordInvocations<TTester, TRequestId, TValue, TInternal>(TTester history, Envelope<WriteOnceRegisterMsg<TRequestId, TValue, TInternal>> envelope)
        where TTester : IConsistencyTester<TTester, Id, WriteOnceRegisterOp<TValue>, WriteOnceRegisterRet<TValue>> => envelope.Msg switch
        {
            WriteOnceRegisterMsg<TRequestId, TValue, TInternal>.Get => history.OnInvoke(envelope.Src, new WriteOnceRegisterOp<TValue>.Read()),
            WriteOnceRegisterMsg<TRequestId, TValue, TInternal>.Put put => history.OnInvoke(envelope.Src, new WriteOnceRegisterOp<TValue>.Write(put.Value)),
            _ => history,
        };

    /// <summary>Records each <c>PutOk</c> / <c>PutFail</c> / <c>GetOk</c> a client receives as a return (pass to <c>RecordMsgIn</c>).</summary>
    public static TTester RecordReturns<TTester, TRequestId, TValue, TInternal>(TTester history, Envelope<WriteOnceRegisterMsg<TRequestId, TValue, TInternal>> envelope)
        where TTester : IConsistencyTester<TTester, Id, WriteOnceRegisterOp<TValue>, WriteOnceRegisterRet<TValue>> => envelope.Msg switch
        {
            WriteOnceRegisterMsg<TRequestId, TValue, TInternal>.GetOk ok => history.OnReturn(envelope.Dst, new WriteOnceRegisterRet<TValue>.ReadOk(Option.Some(ok.Value))),
            WriteOnceRegisterMsg<TRequestId, TValue, TInternal>.PutOk => history.OnReturn(envelope.Dst, new WriteOnceRegisterRet<TValue>.WriteOk()),
            WriteOnceRegisterMsg<TRequestId, TValue, TInternal>.PutFail => history.OnReturn(envelope.Dst, new WriteOnceRegisterRet<TValue>.WriteFail()),
            _ => history,
        };
}

/// <summary>
/// The write-once register test client: like <see cref="RegisterClient{TInternal}"/>, and a refused
/// write (<c>PutFail</c>) moves it on just as an accepted one does.
/// </summary>
public sealed class WriteOnceRegisterClient<TInternal> : Actor<WriteOnceRegisterMsg<ulong, char, TInternal>, RegisterClientState>
{
    private readonly ClientSchedule _schedule;

    /// <summary>Creates the client.</summary>
    public WriteOnceRegisterClient(int putCount, int serverCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(putCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(serverCount, 1);
        _schedule = new ClientSchedule((ulong)serverCount, putCount);
    }

    /// <inheritdoc/>
    public override string Name => "Client";

    /// <inheritdoc/>
    public override RegisterClientState OnStart(Id id, Out<WriteOnceRegisterMsg<ulong, char, TInternal>> o)
    {
        if (_schedule.First(id) is not var (server, requestId, value)) return new RegisterClientState(null, 0);
        o.Send(server, new WriteOnceRegisterMsg<ulong, char, TInternal>.Put(requestId, value));
        return new RegisterClientState(requestId, 1);
    }

    /// <inheritdoc/>
    public override void OnMsg(Id id, ref Cow<RegisterClientState> state, Id src, WriteOnceRegisterMsg<ulong, char, TInternal> msg, Out<WriteOnceRegisterMsg<ulong, char, TInternal>> o)
    {
        if (state.Value.Awaiting is not { } awaiting) return;
        var opCount = state.Value.OpCount;
        switch (msg)
        {
            case WriteOnceRegisterMsg<ulong, char, TInternal>.PutOk ok when ok.RequestId == awaiting:
                Continue(id, ref state, opCount, o);
                break;
            case WriteOnceRegisterMsg<ulong, char, TInternal>.PutFail fail when fail.RequestId == awaiting:
                Continue(id, ref state, opCount, o);
                break;
            case WriteOnceRegisterMsg<ulong, char, TInternal>.GetOk ok when ok.RequestId == awaiting:
                state.Value = new RegisterClientState(null, opCount + 1);
                break;
        }
    }

    private void Continue(Id id, ref Cow<RegisterClientState> state, ulong opCount, Out<WriteOnceRegisterMsg<ulong, char, TInternal>> o)
    {
        var (server, requestId, putValue) = _schedule.Next(id, opCount);
        o.Send(server, putValue is { } value
            ? new WriteOnceRegisterMsg<ulong, char, TInternal>.Put(requestId, value)
            : new WriteOnceRegisterMsg<ulong, char, TInternal>.Get(requestId));
        state.Value = new RegisterClientState(requestId, opCount + 1);
    }
}
