using System.Text.Json;
using System.Text.Json.Serialization;
using Stateright.Actors;

namespace Stateright.Runtime;

/// <summary>Writes an <see cref="Id"/> as its bare number, as serde writes the Rust library's <c>Id(u64)</c>.</summary>
public sealed class IdJsonConverter : JsonConverter<Id>
{
    /// <inheritdoc/>
    public override Id Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var value)
            ? new Id(value)
            : throw new JsonException($"Expected an actor id (an unsigned 64-bit number), found {reader.TokenType}.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Id value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
