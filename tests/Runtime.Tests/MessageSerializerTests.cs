using System.Text;
using System.Text.Json;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Examples;
using Stateright.Runtime;

namespace Stateright.Tests.Runtime;

public class MessageSerializerTests
{
    private static readonly JsonMessageSerializer<RegisterMsg<ulong, char, Unit>> s_seed = JsonMessageSerializer<RegisterMsg<ulong, char, Unit>>.Default;

    private static string Wire<TMsg>(TMsg msg) => Encoding.UTF8.GetString(JsonMessageSerializer<TMsg>.Default.Serialize(msg));

    [Fact]
    public void Pins_the_seed_messages_byte_for_byte_to_serde()
    {
        Assert.Equal("""{"Put":[1,"A"]}"""u8.ToArray(), s_seed.Serialize(new RegisterMsg<ulong, char, Unit>.Put(1, 'A')));
        Assert.Equal("""{"Get":2}"""u8.ToArray(), s_seed.Serialize(new RegisterMsg<ulong, char, Unit>.Get(2)));
        Assert.Equal("""{"PutOk":1}"""u8.ToArray(), s_seed.Serialize(new RegisterMsg<ulong, char, Unit>.PutOk(1)));
        Assert.Equal("""{"GetOk":[2,"A"]}"""u8.ToArray(), s_seed.Serialize(new RegisterMsg<ulong, char, Unit>.GetOk(2, 'A')));
    }

    [Fact]
    public void Reads_the_seed_nc_session()
    {
        Assert.Equal(new RegisterMsg<ulong, char, Unit>.Put(1, 'X'), s_seed.Deserialize("{\"Put\":[1,\"X\"]}\n"u8));
        Assert.Equal(new RegisterMsg<ulong, char, Unit>.Get(2), s_seed.Deserialize("{\"Get\":2}\r\n"u8));
    }

    [Theory]
    [InlineData("{\"Get\":2}x")]
    [InlineData("{\"Get\":2}{\"Get\":3}")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{\"Get\":2} // comment")]
    public void Rejects_anything_but_exactly_one_message(string datagram) =>
        Assert.ThrowsAny<JsonException>(() => s_seed.Deserialize(Encoding.UTF8.GetBytes(datagram)));

    [Fact]
    public void Serves_any_closed_hierarchy_including_nested_internal_messages_ids_and_enums()
    {
        var prepare = new RegisterMsg<ulong, char, Paxos.PaxosMsg>.Internal(new Paxos.PaxosMsg.Prepare(new Paxos.Ballot(3, new Id(0x7F00_0001_0BB8))));
        Assert.Equal("""{"Internal":{"Prepare":{"Round":3,"Leader":139637976796088}}}""", Wire<RegisterMsg<ulong, char, Paxos.PaxosMsg>>(prepare));
        Assert.Equal(prepare, JsonMessageSerializer<RegisterMsg<ulong, char, Paxos.PaxosMsg>>.Default.Deserialize(Encoding.UTF8.GetBytes(Wire<RegisterMsg<ulong, char, Paxos.PaxosMsg>>(prepare))));

        var prepared = new RegisterMsg<ulong, char, Paxos.PaxosMsg>.Internal(new Paxos.PaxosMsg.Prepared(new Paxos.Ballot(1, new Id(2)), null));
        Assert.Equal(prepared, JsonMessageSerializer<RegisterMsg<ulong, char, Paxos.PaxosMsg>>.Default.Deserialize(JsonMessageSerializer<RegisterMsg<ulong, char, Paxos.PaxosMsg>>.Default.Serialize(prepared)));

        Assert.Equal("\"Pong\"", Wire(Timers.PingerMsg.Pong));
        Assert.Equal(Timers.PingerMsg.Ping, JsonMessageSerializer<Timers.PingerMsg>.Default.Deserialize("\"Ping\""u8));
        Assert.ThrowsAny<JsonException>(() => JsonMessageSerializer<Timers.PingerMsg>.Default.Deserialize("1"u8));
    }
}
