using System.Text;
using Stateright.Actors;
using Stateright.Runtime;
using static Stateright.Actors.Register.RegisterMsg<ulong, char, Stateright.Actors.Unit>;
using Msg = Stateright.Actors.Register.RegisterMsg<ulong, char, Stateright.Actors.Unit>;

namespace GettingStarted.Tests;

/// <summary>The seed's ServerActor on a real UDP socket, as <c>dotnet run</c> serves it.</summary>
public class UdpServerTests
{
    private const int MaxDatagramSize = 1024;

    [Fact]
    public async Task The_seed_nc_session_works_verbatim()
    {
        await using var cluster = LoopbackCluster.Start<Msg>([new ServerActor()]);
        var nc = cluster.CreateClient();
        await nc.SendRawAsync(cluster[0], "{\"Put\":[1,\"X\"]}\n"u8.ToArray());
        Assert.Equal(new PutOk(1), await nc.ReceiveAsync(_ => true));
        await nc.SendRawAsync(cluster[0], "{\"Get\":2}\n"u8.ToArray());
        Assert.Equal(new GetOk(2, 'X'), await nc.ReceiveAsync(_ => true));
    }

    [Fact]
    public async Task Bad_datagrams_are_logged_with_the_sender_and_dropped_and_the_server_keeps_answering()
    {
        await using var cluster = LoopbackCluster.Start<Msg>([new ServerActor()], new ActorRuntimeOptions<Msg> { MaxDatagramSize = MaxDatagramSize });
        var client = cluster.CreateClient();
        Assert.Equal(new PutOk(1), await client.RequestAsync(cluster[0], new Put(1, 'X'), m => m is PutOk));

        string[] bad =
        [
            "not json at all",                  // not JSON
            "{\"Put\":[1,\"Y\"",                // truncated
            "{\"Teleport\":[1,\"Y\"]}",         // unknown case
            "{\"Put\":[\"one\",\"Y\"]}",        // wrong field type: request id
            "{\"Put\":[1,\"YZ\"]}",             // wrong field type: not one character
            "{\"Put\":[1,\"Y\",3]}",            // too many fields
            "{\"Get\":-1}",                     // out of range
            "\"Put\"",                          // a case with fields, written as a unit case
            "",                                 // empty
            "{\"Get\":99}" + new string(' ', MaxDatagramSize), // a valid message, but too large
        ];
        var drops = 0;
        foreach (var datagram in bad.Select(Encoding.UTF8.GetBytes).Append([0xFF, 0xFE, 0x00, 0x7B])) // and invalid UTF-8
        {
            await client.SendRawAsync(cluster[0], datagram);
            var expected = ++drops;
            await cluster.WaitForLogAsync(_ => DropsFrom(cluster, client) >= expected);
        }
        Assert.All(cluster.Log.Where(IsDrop), e => Assert.Contains($"src={client.Id.ToEndpointString()}", e.Message));
        Assert.Contains(cluster.Log, e => e.EventId.Id == 5 && e.Message.Contains($"bytes={MaxDatagramSize + 10}", StringComparison.Ordinal));
        Assert.Equal(new GetOk(2, 'X'), await client.RequestAsync(cluster[0], new Get(2), m => m is GetOk));

        // 1,000 random byte strings (half of them starting like a Put), with a read every 100 to show the server still answers.
        var random = new Random(20261125);
        for (var i = 0; i < 1_000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (i % 2 == 0) bytes = [.. "{\"Put\":["u8, .. bytes];
            await client.SendRawAsync(cluster[0], bytes);
            if (i % 100 == 99)
            {
                var requestId = (ulong)(1000 + i);
                Assert.Equal(new GetOk(requestId, 'X'), await client.RequestAsync(cluster[0], new Get(requestId),
                    m => m is GetOk ok && ok.RequestId == requestId, resendEvery: TimeSpan.FromSeconds(1)));
            }
        }

        // Resent reads may have left duplicate replies in the inbox, so match on request ids from here on.
        Assert.Equal(new PutOk(3), await client.RequestAsync(cluster[0], new Put(3, 'Z'), m => m is PutOk { RequestId: 3 }));
        Assert.Equal(new GetOk(4, 'Z'), await client.RequestAsync(cluster[0], new Get(4), m => m is GetOk { RequestId: 4 }));
        Assert.DoesNotContain(client.Received, m => m.Msg is GetOk { RequestId: 99 });
        Assert.Equal(0, client.Undecodable);
    }

    private static bool IsDrop(RuntimeLogEntry entry) => entry.EventId.Id is 4 or 5;

    private static int DropsFrom(LoopbackCluster<Msg> cluster, LoopbackClient<Msg> client) =>
        cluster.Log.Count(e => IsDrop(e) && e.Message.Contains($"src={client.Id.ToEndpointString()}", StringComparison.Ordinal));
}
