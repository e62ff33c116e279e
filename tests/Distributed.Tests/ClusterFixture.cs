using Orleans.TestingHost;
using Stateright.Examples;

namespace Stateright.Distributed.Tests;

/// <summary>An in-process Orleans cluster of three silos, each with the test models registered; shared by a test class.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>What every silo registers (the same instances: the silos share this process).</summary>
    public static void Register(DistributedModels models) => models
        .Add("2pc-3", new TwoPhaseCommit(3))
        .Add("register", new RegisterModel(clients: 2))
        .Add("grid", new Grid(6))
        .Add("lossy", new LossyStates())
        .Add("throws", new ThrowsAtDepth(3))
        .Add("no-start", new NoInitialState())
        .Add("drawing", new DrawingNextState())
        .Add("seed-register", GettingStarted.RegisterSystem.Model())
        .Add("paxos-1", Paxos.Model(clientCount: 1))
        .Add("paxos-2", Paxos.Model(clientCount: 2));

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) => silo.Services.AddStaterightModels(Register));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
