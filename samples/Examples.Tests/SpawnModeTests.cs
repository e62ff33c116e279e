using System.Net;
using Stateright.Actors;
using Stateright.Examples.Cli;

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
