using System.Text.Json;

namespace Stateright.Distributed;

/// <summary>
/// The default codec: System.Text.Json, with public fields included. It suits records, record structs,
/// enums, strings, primitives and the immutable collections; it does not suit states that hold
/// interfaces, abstract types or objects typed as <see cref="object"/> (their concrete type is lost),
/// nor types without a constructor JSON can call. Give such a model its own <see cref="IStateCodec{TState}"/>.
/// </summary>
/// <typeparam name="TState">The model's state type.</typeparam>
public sealed class JsonStateCodec<TState> : IStateCodec<TState>
{
    private readonly JsonSerializerOptions _options;

    /// <summary>A codec with the default options (public fields included).</summary>
    public JsonStateCodec() : this(new JsonSerializerOptions { IncludeFields = true }) { }

    /// <summary>A codec with the given options.</summary>
    public JsonStateCodec(JsonSerializerOptions options) => _options = options;

    /// <inheritdoc/>
    public byte[] Encode(TState state) => JsonSerializer.SerializeToUtf8Bytes(state, _options);

    /// <inheritdoc/>
    public TState Decode(ReadOnlySpan<byte> bytes) =>
        JsonSerializer.Deserialize<TState>(bytes, _options) ?? throw new JsonException($"The JSON decoded to null, not a {typeof(TState).Name}.");
}
