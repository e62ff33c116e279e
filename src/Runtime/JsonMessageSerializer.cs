using System.Text.Json;

namespace Stateright.Runtime;

/// <summary>
/// The default wire format: compact UTF-8 JSON in the externally tagged shape of the Rust library's
/// serde output (<c>{"Put":[1,"A"]}</c>, <c>{"Get":2}</c>, <c>"Commit"</c>; see
/// <see cref="ExternallyTaggedConverterFactory"/>), so that Rust peers and <c>nc -u</c> sessions
/// interoperate.
/// </summary>
/// <typeparam name="TMsg">The message type, typically a closed record hierarchy.</typeparam>
/// <param name="options">JSON options; <see cref="StaterightJson.Options"/> when null.</param>
public sealed class JsonMessageSerializer<TMsg>(JsonSerializerOptions? options = null) : IMessageSerializer<TMsg>
{
    private readonly JsonSerializerOptions _options = options ?? StaterightJson.Options;

    /// <summary>A serializer with <see cref="StaterightJson.Options"/>.</summary>
    public static JsonMessageSerializer<TMsg> Default { get; } = new();

    /// <inheritdoc/>
    public byte[] Serialize(TMsg msg) => JsonSerializer.SerializeToUtf8Bytes(msg, _options);

    /// <inheritdoc/>
    /// <exception cref="JsonException">The bytes are not JSON, or not a <typeparamref name="TMsg"/>.</exception>
    public TMsg Deserialize(ReadOnlySpan<byte> datagram)
    {
        var reader = new Utf8JsonReader(datagram, new JsonReaderOptions { MaxDepth = _options.MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        var msg = JsonSerializer.Deserialize<TMsg>(ref reader, _options);
        if (msg is null) throw new JsonException($"'null' is not a {typeof(TMsg).Name}.");
        // A trailing newline (as nc sends) is fine; anything else after the message is not.
        while (reader.Read()) throw new JsonException($"Unexpected data after the {typeof(TMsg).Name}.");
        return msg;
    }
}
