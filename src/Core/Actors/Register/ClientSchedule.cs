namespace Stateright.Actors.Register;

/// <summary>
/// What a register test client sends next, shared by the register and write-once-register clients:
/// client <c>k</c> (counted after the servers) first writes <c>'A' + k</c> to server <c>id % servers</c>,
/// then writes <c>'Z' - k</c> until it has written <c>putCount</c> times, then reads; request ids are
/// multiples of its id, and requests go to the servers in turn.
/// An <paramref name="Interchangeable"/> client ignores its id: it writes <c>'A'</c>, then <c>'Z'</c>,
/// numbers its requests 1, 2, …, and sends request <c>k</c> (from 0) to server <c>k % servers</c>, so
/// that clients can be declared symmetric.
/// </summary>
internal readonly record struct ClientSchedule(ulong ServerCount, int PutCount, bool Interchangeable = false)
{
    /// <summary>The first request, or null when the client makes none.</summary>
    public (Id Server, ulong RequestId, char Value)? First(Id id)
    {
        var index = id.Value;
        if (index < ServerCount) throw new InvalidOperationException("Register clients must be added to the model after the servers.");
        if (PutCount == 0) return null;
        if (Interchangeable) return (new Id(0), 1, 'A');
        return (new Id(index % ServerCount), index, (char)('A' + (int)(index - ServerCount)));
    }

    /// <summary>The request after <paramref name="opCount"/> completed operations: a put (with its value) or, after the last put, a get.</summary>
    public (Id Server, ulong RequestId, char? PutValue) Next(Id id, ulong opCount)
    {
        if (Interchangeable) return (new Id(opCount % ServerCount), opCount + 1, opCount < (ulong)PutCount ? (char?)'Z' : null);
        var index = id.Value;
        var server = new Id((index + opCount) % ServerCount);
        var requestId = (opCount + 1) * index;
        return opCount < (ulong)PutCount ? (server, requestId, (char)('Z' - (int)(index - ServerCount))) : (server, requestId, null);
    }
}
