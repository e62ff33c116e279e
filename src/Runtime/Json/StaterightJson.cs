using System.Text.Json;

namespace Stateright.Runtime;

/// <summary>
/// JSON settings compatible with the Rust library's serde output: closed record hierarchies are
/// externally tagged (<c>{"Put":[1,"A"]}</c>, <c>{"Get":2}</c>, <c>"Commit"</c>), characters are
/// one-character strings, enums are their member names (<c>"Ping"</c>), actor ids are bare numbers,
/// and output is compact.
/// </summary>
public static class StaterightJson
{
    /// <summary>Creates options with the <see cref="ExternallyTaggedConverterFactory"/>, <see cref="IdJsonConverter"/>, string enums and serde-compatible defaults.</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = false,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = 64,
        };
        options.Converters.Add(new ExternallyTaggedConverterFactory());
        options.Converters.Add(new IdJsonConverter());
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        return options;
    }

    /// <summary>Shared read-only options (see <see cref="CreateOptions"/>).</summary>
    public static JsonSerializerOptions Options { get; } = Freeze(CreateOptions());

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
