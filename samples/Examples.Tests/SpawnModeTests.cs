using System.Net;
using Stateright.Actors;
using Stateright.Examples.Cli;
using Stateright.Runtime;

namespace Stateright.Examples.Tests;

public class SpawnModeTests
{
    [Theory]
    [InlineData("paxos", "3 servers on 127.0.0.1:PORT..PORT+2")]
    [InlineData("linearizable-register", "3 servers on 127.0.0.1:PORT..PORT+2")]
    [InlineData("single-copy-register", "one server on 127.0.0.1:PORT")]
    public void The_register_examples_offer_spawn(string example, string summary)
    {
        var (code, output, _) = CommandLineTests.Run(example, "--help");
        Assert.Equal(0, code);
        Assert.Contains($"{example} spawn [PORT=3000]", output);
        Assert.Contains(summary, output);
    }

    [Theory]
    [InlineData("paxos", "65534")]
    [InlineData("single-copy-register", "0")]
    [InlineData("linearizable-register", "http")]
    public void Spawn_rejects_bad_ports_before_binding(string example, string port)
    {
        var (code, _, error) = CommandLineTests.Run(example, "spawn", port);
        Assert.Equal(2, code);
        Assert.Contains("PORT", error);
    }

    [Fact]
    public void Servers_sit_on_consecutive_loopback_ports_and_know_their_peers()
    {
        var created = new List<(IReadOnlyList<Id> Ids, int Index)>();
        var servers = SpawnMode.Servers<Paxos.PaxosMsg>(3, 3000, (ids, i) =>
        {
            created.Add((ids, i));
            return new Paxos.Server(SpawnMode.PeersOf(ids, i));
        });
        Assert.Equal([3000, 3001, 3002], servers.Select(s => s.Endpoint.Port));
        Assert.All(servers, s => Assert.Equal(IPAddress.Loopback, s.Endpoint.Address));
        Assert.Equal([new Id(0x7F00_0001_0BB8), new Id(0x7F00_0001_0BB9), new Id(0x7F00_0001_0BBA)], created[0].Ids);
        Assert.Equal([new Id(0x7F00_0001_0BB8), new Id(0x7F00_0001_0BBA)], SpawnMode.PeersOf(created[0].Ids, 1));
    }
}

/// <summary>The spawn modes end to end: the example's own command line serves real UDP until stopped.</summary>
public class SpawnModeEndToEndTests
{
    [Theory]
    [InlineData("paxos", 3)]
    [InlineData("linearizable-register", 3)]
    [InlineData("single-copy-register", 1)]
    public async Task Spawned_servers_answer_a_put_then_a_get_and_stop_on_request(string example, int serverCount)
    {
        var port = FreeConsecutivePorts(serverCount);
        using var stop = new CancellationTokenSource();
        var command = CommandLine.Parse([example, "spawn", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], out _)! with { Stop = stop.Token };
        var output = new StringWriter();
        var serving = Task.Run(() => ExampleRegistry.All.Single(e => e.Name == example).Run(command, output));
        try
        {
            // Each register example's servers share one message type shape for clients: Put / PutOk / Get / GetOk.
            var server = Id.FromEndpoint(new IPEndPoint(IPAddress.Loopback, port));
            await using var client = new LoopbackClient<Actors.Register.RegisterMsg<ulong, char, Unit>>();
            var put = await client.RequestAsync(server, new Actors.Register.RegisterMsg<ulong, char, Unit>.Put(1, 'X'),
                m => m is Actors.Register.RegisterMsg<ulong, char, Unit>.PutOk { RequestId: 1 }, TimeSpan.FromSeconds(20), resendEvery: TimeSpan.FromMilliseconds(250));
            Assert.IsType<Actors.Register.RegisterMsg<ulong, char, Unit>.PutOk>(put);
            var get = await client.RequestAsync(server, new Actors.Register.RegisterMsg<ulong, char, Unit>.Get(2),
                m => m is Actors.Register.RegisterMsg<ulong, char, Unit>.GetOk { RequestId: 2 }, TimeSpan.FromSeconds(20), resendEvery: TimeSpan.FromMilliseconds(250));
            Assert.Equal(new Actors.Register.RegisterMsg<ulong, char, Unit>.GetOk(2, 'X'), get);
        }
        finally
        {
            stop.Cancel();
        }
        Assert.Equal(0, await serving.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains($"$ nc -u localhost {port}", output.ToString());
    }

    /// <summary>A run of free UDP ports on 127.0.0.1, found by binding them all at once (released before use).</summary>
    private static int FreeConsecutivePorts(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var probe = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var first = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
            if (first + count - 1 > IPEndPoint.MaxPort) continue;
            var held = new List<System.Net.Sockets.UdpClient>();
            try
            {
                for (var i = 1; i < count; i++) held.Add(new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, first + i)));
                return first;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // a neighbour is taken: try another run
            }
            finally
            {
                foreach (var socket in held) socket.Dispose();
            }
        }
        throw new InvalidOperationException($"No {count} consecutive free UDP ports on 127.0.0.1.");
    }
}
