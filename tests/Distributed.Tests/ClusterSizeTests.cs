using Orleans.TestingHost;
using Stateright.Examples;

namespace Stateright.Distributed.Tests;

/// <summary>
/// The parity of <see cref="ParityTests"/> on clusters of one and two silos (the shared fixture has three):
/// 2PC, the register model and Paxos with one client give the one-machine BFS's counts, depth and discoveries
/// whatever the number of silos. Each size starts its own in-process cluster.
/// </summary>
public sealed class ClusterSizeTests
{
    [Theory]
    [Trait("Category", "Parity")] // starts a cluster per size: several seconds each
    [InlineData(1)]
    [InlineData(2)]
    public async Task Every_model_matches_the_one_machine_bfs_on_a_cluster_of_this_size(int silos)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) => silo.Services.AddStaterightModels(ClusterFixture.Register));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        await Parity.Compare(cluster.Client, new TwoPhaseCommit(3), "2pc-3", partitions: 2 * silos);
        await Parity.Compare(cluster.Client, new RegisterModel(clients: 2), "register", partitions: 3);
        await Parity.Compare(cluster.Client, Paxos.Model(clientCount: 1), "paxos-1", partitions: 2 * silos);
    }
}
