using Stateright.Semantics;

namespace Stateright.Actors.Register;

/// <summary>
/// The messages of a register service: clients <c>Put</c> and <c>Get</c>, servers answer
/// <c>PutOk</c> and <c>GetOk</c>, and servers exchange <c>Internal</c> messages of their own.
/// Request ids link answers to requests. Cases are declared in the Rust library's order.
/// </summary>
/// <typeparam name="TRequestId">The request id type (typically <see cref="ulong"/>).</typeparam>
/// <typeparam name="TValue">The register's value type (typically <see cref="char"/>).</typeparam>
/// <typeparam name="TInternal">Server-to-server messages (<see cref="Unit"/> if none).</typeparam>
public abstract record RegisterMsg<TRequestId, TValue, TInternal> : IComparable<RegisterMsg<TRequestId, TValue, TInternal>>
{
    private RegisterMsg() { }

    private protected abstract int CaseOrder { get; }

    /// <summary>A server-to-server message.</summary>
    public sealed record Internal(TInternal Msg) : RegisterMsg<TRequestId, TValue, TInternal>
    {
        private protected override int CaseOrder => 0;
        /// <inheritdoc/>
        public override string ToString() => $"Internal({Msg})";
    }

    /// <summary>A client asks to write <c>Value</c>.</summary>
    public sealed record Put(TRequestId RequestId, TValue Value) : RegisterMsg<TRequestId, TValue, TInternal>
    {
        private protected override int CaseOrder => 1;
        /// <inheritdoc/>
        public override string ToString() => $"Put({ValueText.Format(RequestId)}, {ValueText.Format(Value)})";
    }

    /// <summary>A client asks to read.</summary>
    public sealed record Get(TRequestId RequestId) : RegisterMsg<TRequestId, TValue, TInternal>
    {
        private protected override int CaseOrder => 2;
        /// <inheritdoc/>
        public override string ToString() => $"Get({ValueText.Format(RequestId)})";
    }

    /// <summary>A server acknowledges a write.</summary>
    public sealed record PutOk(TRequestId RequestId) : RegisterMsg<TRequestId, TValue, TInternal>
    {
        private protected override int CaseOrder => 3;
        /// <inheritdoc/>
        public override string ToString() => $"PutOk({ValueText.Format(RequestId)})";
    }

    /// <summary>A server answers a read with <c>Value</c>.</summary>
    public sealed record GetOk(TRequestId RequestId, TValue Value) : RegisterMsg<TRequestId, TValue, TInternal>
    {
        private protected override int CaseOrder => 4;
        /// <inheritdoc/>
        public override string ToString() => $"GetOk({ValueText.Format(RequestId)}, {ValueText.Format(Value)})";
    }

    /// <summary>Orders by case (as declared), then by request id, then by fingerprint; used to list actions in a fixed order.</summary>
    public int CompareTo(RegisterMsg<TRequestId, TValue, TInternal>? other)
    {
        if (other is null) return 1;
        var byCase = CaseOrder.CompareTo(other.CaseOrder);
        if (byCase != 0) return byCase;
        var byRequest = (this, other) switch
        {
            (Put a, Put b) => Comparer<TRequestId>.Default.Compare(a.RequestId, b.RequestId),
            (Get a, Get b) => Comparer<TRequestId>.Default.Compare(a.RequestId, b.RequestId),
            (PutOk a, PutOk b) => Comparer<TRequestId>.Default.Compare(a.RequestId, b.RequestId),
            (GetOk a, GetOk b) => Comparer<TRequestId>.Default.Compare(a.RequestId, b.RequestId),
            _ => 0,
        };
        return byRequest != 0 ? byRequest : Fingerprint.Of(this).CompareTo(Fingerprint.Of(other));
    }
}

/// <summary>Records a register service's operations into a consistency tester, for <see cref="ActorModel{TMsg, THistory}.RecordMsgOut"/> and <c>RecordMsgIn</c>.</summary>
public static class RegisterHistory
{
    /// <summary>Records each <c>Put</c> / <c>Get</c> a client sends as an invocation (pass to <c>RecordMsgOut</c>).</summary>
    public static TTester RecordInvocations<TTester, TRequestId, TValue, TInternal>(TTester history, Envelope<RegisterMsg<TRequestId, TValue, TInternal>> envelope)
        where TTester : IConsistencyTester<TTester, Id, RegisterOp<TValue>, RegisterRet<TValue>> => envelope.Msg switch
        {
            RegisterMsg<TRequestId, TValue, TInternal>.Get => history.OnInvoke(envelope.Src, new RegisterOp<TValue>.Read()),
            RegisterMsg<TRequestId, TValue, TInternal>.Put put => history.OnInvoke(envelope.Src, new RegisterOp<TValue>.Write(put.Value)),
            _ => history,
        };

    /// <summary>Records each <c>PutOk</c> / <c>GetOk</c> a client receives as a return (pass to <c>RecordMsgIn</c>).</summary>
    public static TTester RecordReturns<TTester, TRequestId, TValue, TInternal>(TTester history, Envelope<RegisterMsg<TRequestId, TValue, TInternal>> envelope)
        where TTester : IConsistencyTester<TTester, Id, RegisterOp<TValue>, RegisterRet<TValue>> => envelope.Msg switch
        {
            RegisterMsg<TRequestId, TValue, TInternal>.GetOk ok => history.OnReturn(envelope.Dst, new RegisterRet<TValue>.ReadOk(ok.Value)),
            RegisterMsg<TRequestId, TValue, TInternal>.PutOk => history.OnReturn(envelope.Dst, new RegisterRet<TValue>.WriteOk()),
            _ => history,
        };
}
