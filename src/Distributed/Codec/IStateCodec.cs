namespace Stateright.Distributed;

/// <summary>
/// Turns a model's states into bytes and back, so that states can travel between silos. A codec must
/// preserve a state's identity: the decoded state must have the fingerprint of the encoded one (the
/// checker round-trips a sample of states at the start of a run and rejects a model whose states do not
/// survive the trip).
/// </summary>
/// <typeparam name="TState">The model's state type.</typeparam>
public interface IStateCodec<TState>
{
    /// <summary>The state as bytes.</summary>
    byte[] Encode(TState state);

    /// <summary>The state that <paramref name="bytes"/> encode.</summary>
    TState Decode(ReadOnlySpan<byte> bytes);
}
