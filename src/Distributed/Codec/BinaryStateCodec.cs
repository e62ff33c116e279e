using Stateright.Distributed.Binary;

namespace Stateright.Distributed;

/// <summary>
/// A compact binary codec for any state built of values: primitives, strings, enums, arrays, records,
/// record structs, tuples and classes (every instance field, private ones included), the immutable and
/// the common mutable collections (with their default comparers), and the library's own types: actor
/// system states (<see cref="Actors.ActorModelState{TMsg, THistory}"/>: actor states typed as
/// <see cref="object"/>, networks of every kind, timers, crashes, storages) and the consistency testers.
/// Where a declared type does not fix the runtime type (<see cref="object"/>, an interface, an abstract
/// or unsealed class), the value carries its type's name, resolved on the receiving silo against the
/// assemblies it has loaded (every silo runs the same binaries). Delegates, pointers and comparers of
/// one's own are refused with a message naming the type. The default codec for actor models.
/// </summary>
/// <typeparam name="TState">The model's state type.</typeparam>
public sealed class BinaryStateCodec<TState> : IStateCodec<TState>
{
    private const byte FormatVersion = 1;

    /// <inheritdoc/>
    public byte[] Encode(TState state)
    {
        var encoder = new Encoder();
        encoder.Wire.Byte(FormatVersion);
        encoder.Value(typeof(TState), state);
        return encoder.Wire.ToArray();
    }

    /// <inheritdoc/>
    public TState Decode(ReadOnlySpan<byte> bytes)
    {
        var decoder = new Decoder(bytes);
        if (decoder.Wire.Byte() != FormatVersion) throw new FormatException($"The state's bytes are not in the binary codec's format version {FormatVersion}.");
        var state = decoder.Value(typeof(TState));
        if (!decoder.Wire.AtEnd) throw new FormatException("The state's bytes go on after the state.");
        return (TState)state!;
    }
}
