using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stateright.Runtime;

/// <summary>
/// Serializes closed record hierarchies (an abstract record whose cases are sealed records deriving
/// from it) in the externally tagged shape that the Rust library's serde output uses, so that the
/// same datagrams work in both and by hand with <c>nc -u</c>:
/// <list type="bullet">
/// <item>a case with no members is its name as a string: <c>"Commit"</c>;</item>
/// <item>a positional case with one member wraps that value: <c>{"Get":2}</c>;</item>
/// <item>a positional case with several members wraps an array: <c>{"Put":[1,"A"]}</c>;</item>
/// <item>a case with named (non-positional) members wraps an object: <c>{"Prepare":{"ballot":3}}</c>.</item>
/// </list>
/// Cases are the sealed records that derive from the abstract record, found among its nested types
/// (including nested types of a generic record, such as <c>RegisterMsg&lt;TId, TValue&gt;.Put</c>) and
/// in its assembly.
/// </summary>
public sealed class ExternallyTaggedConverterFactory : JsonConverterFactory
{
    private static readonly ConcurrentDictionary<Type, UnionShape?> s_shapes = new();

    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) => UnionShapeOf(typeToConvert) is not null;

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ExternallyTaggedConverter<>).MakeGenericType(typeToConvert), UnionShapeOf(typeToConvert)!)!;

    internal static UnionShape? UnionShapeOf(Type type) => s_shapes.GetOrAdd(type, UnionShape.TryCreate);
}
