using System.Text;
using System.Text.Json;
using Stateright.Runtime;

namespace Stateright.Tests.Runtime;

public abstract record Msg<TId, TValue>
{
    public sealed record Put(TId RequestId, TValue Value) : Msg<TId, TValue>;
    public sealed record Get(TId RequestId) : Msg<TId, TValue>;
    public sealed record PutOk(TId RequestId) : Msg<TId, TValue>;
    public sealed record GetOk(TId RequestId, TValue Value) : Msg<TId, TValue>;
    public sealed record Commit : Msg<TId, TValue>;
    public sealed record Prepare : Msg<TId, TValue> { public int Ballot { get; init; } public string? Note { get; init; } }
    public sealed record Wrapped(Msg<TId, TValue> Inner) : Msg<TId, TValue>;
}

public class ExternallyTaggedJsonTests
{
    private static string Write(Msg<ulong, char> msg) => JsonSerializer.Serialize(msg, StaterightJson.Options);

    private static Msg<ulong, char>? Read(string json) => JsonSerializer.Deserialize<Msg<ulong, char>>(json, StaterightJson.Options);

    [Fact]
    public void Writes_the_serde_shapes_byte_for_byte()
    {
        Assert.Equal("""{"Put":[1,"A"]}""", Write(new Msg<ulong, char>.Put(1, 'A')));
        Assert.Equal("""{"Get":2}""", Write(new Msg<ulong, char>.Get(2)));
        Assert.Equal("""{"PutOk":1}""", Write(new Msg<ulong, char>.PutOk(1)));
        Assert.Equal("""{"GetOk":[2,"A"]}""", Write(new Msg<ulong, char>.GetOk(2, 'A')));
        Assert.Equal("\"Commit\"", Write(new Msg<ulong, char>.Commit()));
        Assert.Equal("""{"Prepare":{"Ballot":3,"Note":null}}""", Write(new Msg<ulong, char>.Prepare { Ballot = 3 }));
        Assert.Equal("""{"Wrapped":{"Get":7}}""", Write(new Msg<ulong, char>.Wrapped(new Msg<ulong, char>.Get(7))));
    }

    [Fact]
    public void Reads_what_it_writes_and_what_nc_users_type()
    {
        Msg<ulong, char>[] messages =
        [
            new Msg<ulong, char>.Put(1, 'X'), new Msg<ulong, char>.Get(2), new Msg<ulong, char>.PutOk(3),
            new Msg<ulong, char>.GetOk(4, 'Z'), new Msg<ulong, char>.Commit(), new Msg<ulong, char>.Prepare { Ballot = 9, Note = "n" },
            new Msg<ulong, char>.Wrapped(new Msg<ulong, char>.Commit()),
        ];
        foreach (var message in messages) Assert.Equal(message, Read(Write(message)));
        Assert.Equal(new Msg<ulong, char>.Put(1, 'X'), Read(" { \"Put\" : [ 1 , \"X\" ] }\n"));
        Assert.Equal(new Msg<ulong, char>.Commit(), Read("{\"Commit\":null}"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"Put":[1,"A"]""")]
    [InlineData("""{"Put":[1]}""")]
    [InlineData("""{"Put":[1,"A",3]}""")]
    [InlineData("""{"Put":["one","A"]}""")]
    [InlineData("""{"Put":[-1,"A"]}""")]
    [InlineData("""{"Put":[1,"AB"]}""")]
    [InlineData("""{"Teleport":1}""")]
    [InlineData("""{"Get":2,"Put":[1,"A"]}""")]
    [InlineData("""{}""")]
    [InlineData("""[]""")]
    [InlineData("""{"Commit":1}""")]
    [InlineData("""{"Prepare":{"Color":1}}""")]
    [InlineData("\"Put\"")]
    public void Rejects_malformed_input_with_a_JsonException(string json)
    {
        var e = Assert.ThrowsAny<JsonException>(() => Read(json));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void Unknown_cases_name_the_known_ones()
    {
        var e = Assert.Throws<JsonException>(() => Read("""{"Teleport":1}"""));
        Assert.Contains("Unknown case 'Teleport'", e.Message);
        Assert.Contains("Put, Get, PutOk, GetOk, Commit, Prepare, Wrapped", e.Message);
    }

    [Fact]
    public void Random_bytes_only_ever_raise_JsonException()
    {
        var random = new Random(1234);
        for (var i = 0; i < 1_000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            if (i % 2 == 0) // half of them start like a message, to get past the first token
                bytes = [.. Encoding.UTF8.GetBytes("{\"Put\":["), .. bytes];
            try { JsonSerializer.Deserialize<Msg<ulong, char>>(bytes, StaterightJson.Options); }
            catch (JsonException) { }
        }
    }
}
