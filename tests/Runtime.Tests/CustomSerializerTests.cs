using System.Text;
using Stateright.Actors;
using Stateright.Runtime;

namespace Stateright.Tests.Runtime;

public class CustomSerializerTests
{
    /// <summary>Plain UTF-8 text, one message a datagram; refuses anything with a control character.</summary>
    private sealed class PlainText : IMessageSerializer<string>
    {
        public byte[] Serialize(string msg) => Encoding.UTF8.GetBytes(msg);

        public string Deserialize(ReadOnlySpan<byte> datagram)
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(datagram);
            return text.Any(char.IsControl) ? throw new FormatException("Control characters are not allowed.") : text;
        }
    }

    private sealed class Shouter : Actor<string, Unit>
    {
        public override Unit OnStart(Id id, Out<string> o) => Unit.Value;

        public override void OnMsg(Id id, ref Cow<Unit> state, Id src, string msg, Out<string> o) => o.Send(src, msg.ToUpperInvariant());
    }

    [Fact]
    public async Task A_pluggable_serializer_carries_the_messages_and_its_errors_drop_datagrams()
    {
        await using var cluster = LoopbackCluster.Start<string>([new Shouter()], new ActorRuntimeOptions<string> { Serializer = new PlainText() });
        var client = cluster.CreateClient();
        await client.SendRawAsync(cluster[0], "bad\u0001"u8.ToArray());
        Assert.Contains("Control characters", (await cluster.WaitForLogAsync(e => e.EventId.Id == 4)).Message);
        Assert.Equal("HELLO", await client.RequestAsync(cluster[0], "hello", _ => true));
    }
}
