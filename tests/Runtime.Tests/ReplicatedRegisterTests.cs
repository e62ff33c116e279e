using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Examples;
using Stateright.Runtime;

namespace Stateright.Tests.Runtime;

/// <summary>The example servers the checker verifies, run as three real UDP servers and driven by real clients.</summary>
public class ReplicatedRegisterTests
{
    private static IReadOnlyList<Id> PeersOf(IReadOnlyList<Id> ids, int self) => ids.Where((_, i) => i != self).ToArray();

    [Fact]
    public async Task Paxos_cluster_decides_the_first_put_and_every_server_reads_it()
    {
        await using var cluster = LoopbackCluster.Start<RegisterMsg<ulong, char, Paxos.PaxosMsg>>(3, (ids, i) => new Paxos.Server(PeersOf(ids, i)));
        var writer = cluster.CreateClient();
        var reader = cluster.CreateClient();

        var putOk = await writer.RequestAsync(cluster[0], new RegisterMsg<ulong, char, Paxos.PaxosMsg>.Put(1, 'A'), m => m is RegisterMsg<ulong, char, Paxos.PaxosMsg>.PutOk);
        Assert.Equal(new RegisterMsg<ulong, char, Paxos.PaxosMsg>.PutOk(1), putOk);

        // Undecided servers ignore reads, so the reader asks again until the decision has reached them.
        for (var server = 0; server < 3; server++)
        {
            var requestId = (ulong)(10 + server);
            var getOk = await reader.RequestAsync(cluster[server], new RegisterMsg<ulong, char, Paxos.PaxosMsg>.Get(requestId),
                m => m is RegisterMsg<ulong, char, Paxos.PaxosMsg>.GetOk ok && ok.RequestId == requestId, resendEvery: TimeSpan.FromMilliseconds(100));
            Assert.Equal(new RegisterMsg<ulong, char, Paxos.PaxosMsg>.GetOk(requestId, 'A'), getOk);
        }
        Assert.DoesNotContain(cluster.Log, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task Abd_cluster_reads_the_latest_write_from_any_server()
    {
        await using var cluster = LoopbackCluster.Start<RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>>(3, (ids, i) => new LinearizableRegister.Server(PeersOf(ids, i)));
        var first = cluster.CreateClient();
        var second = cluster.CreateClient();

        Assert.Equal(new RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>.PutOk(1),
            await first.RequestAsync(cluster[0], new RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>.Put(1, 'A'), m => m is RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>.PutOk));
        Assert.Equal(new RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>.GetOk(2, 'A'),
            await second.RequestAsync(cluster[2], new RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>.Get(2), m => m is RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>.GetOk));

        Assert.Equal(new RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>.PutOk(3),
            await second.RequestAsync(cluster[1], new RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>.Put(3, 'B'), m => m is RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>.PutOk));
        for (var server = 0; server < 3; server++)
        {
            var requestId = (ulong)(10 + server);
            Assert.Equal(new RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>.GetOk(requestId, 'B'),
                await first.RequestAsync(cluster[server], new RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>.Get(requestId), m => m is RegisterMsg<ulong, char, LinearizableRegister.AbdMsg>.GetOk));
        }
        Assert.DoesNotContain(cluster.Log, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task Single_copy_register_server_answers_puts_and_gets()
    {
        await using var cluster = LoopbackCluster.Start<RegisterMsg<ulong, char, Unit>>([new SingleCopyRegister.Server()]);
        var client = cluster.CreateClient();
        Assert.Equal(new RegisterMsg<ulong, char, Unit>.PutOk(1), await client.RequestAsync(cluster[0], new RegisterMsg<ulong, char, Unit>.Put(1, 'Q'), m => m is RegisterMsg<ulong, char, Unit>.PutOk));
        Assert.Equal(new RegisterMsg<ulong, char, Unit>.GetOk(2, 'Q'), await client.RequestAsync(cluster[0], new RegisterMsg<ulong, char, Unit>.Get(2), m => m is RegisterMsg<ulong, char, Unit>.GetOk));
    }
}
