using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stateright.Runtime;

/// <summary>Reads and writes one closed record hierarchy in the externally tagged shape (see <see cref="ExternallyTaggedConverterFactory"/>).</summary>
internal sealed class ExternallyTaggedConverter<TUnion>(UnionShape shape) : JsonConverter<TUnion> where TUnion : class
{
    public override void Write(Utf8JsonWriter writer, TUnion value, JsonSerializerOptions options)
    {
        if (!shape.ByType.TryGetValue(value.GetType(), out var @case))
            throw new JsonException($"'{value.GetType()}' is not a case of '{typeof(TUnion)}'.");
        if (@case.Layout == CaseLayout.Unit)
        {
            writer.WriteStringValue(@case.Name);
            return;
        }
        writer.WriteStartObject();
        writer.WritePropertyName(@case.Name);
        switch (@case.Layout)
        {
            case CaseLayout.Newtype:
                WriteMember(writer, @case.Members[0], value, options);
                break;
            case CaseLayout.Tuple:
                writer.WriteStartArray();
                foreach (var member in @case.Members) WriteMember(writer, member, value, options);
                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                foreach (var member in @case.Members)
                {
                    writer.WritePropertyName(options.PropertyNamingPolicy?.ConvertName(member.Name) ?? member.Name);
                    WriteMember(writer, member, value, options);
                }
                writer.WriteEndObject();
                break;
        }
        writer.WriteEndObject();
    }

    private static void WriteMember(Utf8JsonWriter writer, System.Reflection.PropertyInfo member, object value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, member.GetValue(value), member.PropertyType, options);

    public override TUnion? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var name = reader.GetString()!;
            var unit = Case(name);
            if (unit.Layout != CaseLayout.Unit) throw new JsonException($"Case '{name}' of {typeof(TUnion).Name} has members; expected {{\"{name}\": …}}.");
            return (TUnion)unit.Constructor.Invoke(null);
        }
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"Expected a {typeof(TUnion).Name} as \"Case\" or {{\"Case\": …}}, found {reader.TokenType}.");
        reader.Read();
        if (reader.TokenType != JsonTokenType.PropertyName) throw new JsonException($"Expected a case name of {typeof(TUnion).Name}.");
        var @case = Case(reader.GetString()!);
        reader.Read();
        var result = @case.Layout switch
        {
            CaseLayout.Unit => ReadUnitPayload(ref reader, @case),
            CaseLayout.Newtype => @case.Constructor.Invoke([JsonSerializer.Deserialize(ref reader, @case.Members[0].PropertyType, options)]),
            CaseLayout.Tuple => ReadTuple(ref reader, @case, options),
            _ => ReadStruct(ref reader, @case, options),
        };
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndObject) throw new JsonException($"A {typeof(TUnion).Name} object must hold exactly one case.");
        return (TUnion)result;
    }

    private CaseShape Case(string name) =>
        shape.ByName.TryGetValue(name, out var @case)
            ? @case
            : throw new JsonException($"Unknown case '{name}' of {typeof(TUnion).Name}; expected one of: {string.Join(", ", shape.Cases.Select(c => c.Name))}.");

    private static object ReadUnitPayload(ref Utf8JsonReader reader, CaseShape @case)
    {
        // serde accepts {"Commit":null} for a unit variant too.
        if (reader.TokenType != JsonTokenType.Null) throw new JsonException($"Case '{@case.Name}' has no members.");
        return @case.Constructor.Invoke(null);
    }

    private static object ReadTuple(ref Utf8JsonReader reader, CaseShape @case, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"Case '{@case.Name}' expects an array of {@case.Members.Length} values.");
        var values = new object?[@case.Members.Length];
        for (var i = 0; i < values.Length; i++)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndArray) throw new JsonException($"Case '{@case.Name}' expects {values.Length} values, got {i}.");
            values[i] = JsonSerializer.Deserialize(ref reader, @case.Members[i].PropertyType, options);
        }
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException($"Case '{@case.Name}' expects {values.Length} values, got more.");
        return @case.Constructor.Invoke(values);
    }

    private static object ReadStruct(ref Utf8JsonReader reader, CaseShape @case, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"Case '{@case.Name}' expects an object.");
        var instance = @case.Constructor.Invoke(null);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            var member = @case.Members.FirstOrDefault(m => string.Equals(options.PropertyNamingPolicy?.ConvertName(m.Name) ?? m.Name, name, StringComparison.Ordinal))
                ?? throw new JsonException($"Case '{@case.Name}' has no member '{name}'.");
            member.SetValue(instance, JsonSerializer.Deserialize(ref reader, member.PropertyType, options));
        }
        return instance;
    }
}
