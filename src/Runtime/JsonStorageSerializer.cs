using System.Text.Json;

namespace Stateright.Runtime;

/// <summary>
/// Stores an actor's storage as JSON together with its .NET type, because <c>Out.Save</c> takes any
/// object: <c>{"type":"MyApp.Durable, MyApp","value":{…}}</c>. The type must be loadable by the
/// process that reads it back (the same program, restarted). Use <see cref="For{TStorage}"/> to store
/// the bare value (as the Rust library's serde output does) when the storage type is known.
/// </summary>
/// <param name="options">JSON options; <see cref="StaterightJson.Options"/> when null.</param>
public sealed class JsonStorageSerializer(JsonSerializerOptions? options = null) : IStorageSerializer
{
    private readonly JsonSerializerOptions _options = options ?? StaterightJson.Options;

    /// <summary>A serializer with <see cref="StaterightJson.Options"/>.</summary>
    public static JsonStorageSerializer Default { get; } = new();

    /// <summary>A serializer for storage of one known type, written as the bare JSON value.</summary>
    public static IStorageSerializer For<TStorage>(JsonSerializerOptions? options = null) where TStorage : notnull => new Typed<TStorage>(options ?? StaterightJson.Options);

    /// <inheritdoc/>
    public byte[] Serialize(object storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var type = storage.GetType();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = _options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", $"{type.FullName}, {type.Assembly.GetName().Name}");
            writer.WritePropertyName("value");
            JsonSerializer.Serialize(writer, storage, type, _options);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <inheritdoc/>
    /// <exception cref="JsonException">The bytes are not a stored value, or its type cannot be loaded.</exception>
    public object Deserialize(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeName) || typeName.ValueKind != JsonValueKind.String || !root.TryGetProperty("value", out var value))
            throw new JsonException("Stored storage must be {\"type\": \"…\", \"value\": …}.");
        var type = Type.GetType(typeName.GetString()!, throwOnError: false)
            ?? throw new JsonException($"The stored type '{typeName.GetString()}' cannot be loaded.");
        return value.Deserialize(type, _options) ?? throw new JsonException("Stored storage is null.");
    }

    private sealed class Typed<TStorage>(JsonSerializerOptions options) : IStorageSerializer where TStorage : notnull
    {
        public byte[] Serialize(object storage) => JsonSerializer.SerializeToUtf8Bytes((TStorage)storage, options);

        public object Deserialize(ReadOnlySpan<byte> bytes) =>
            JsonSerializer.Deserialize<TStorage>(bytes, options) ?? throw new JsonException("Stored storage is null.");
    }
}
