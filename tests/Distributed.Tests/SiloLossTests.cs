using Orleans.Configuration;
using Orleans.TestingHost;
using Xunit.Abstractions;
using Stateright.Examples;

namespace Stateright.Distributed.Tests;

/// <summary>
/// A silo stopped while a run is under way ends the run faulted, with a message naming the failure:
/// never a pass, never counts from part of the state space. Its own cluster, as it loses a silo.
/// </summary>
public sealed class SiloLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        // A call to a grain on a stopped silo can wait for the response timeout: 10 s rather than 30 (a level here takes well under a second).
        builder.ConfigureSilo((_, silo) => silo
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10))
            .Services.AddStaterightModels(models => models.Add("paxos-2", Paxos.Model(clientCount: 2))));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10)));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [Trait("Category", "Parity")] // its own cluster, and a stop can take a response timeout to notice: up to about 15 s
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_silo_stopped_mid_run_faults_the_run(bool kill)
    {
        // Paxos with two clients takes seconds on this cluster; the silo goes once the run has started.
        var run = Paxos.Model(clientCount: 2).Checker().Timeout(TimeSpan.FromMinutes(2))
            .SpawnDistributedAsync(_cluster.Client, "paxos-2", new DistributedOptions { Partitions = 6 });
        await Task.Delay(TimeSpan.FromMilliseconds(1500));
        Assert.False(run.IsCompleted, "the run ended before the silo was stopped: use a bigger model");
        var victim = _cluster.Silos[^1];
        if (kill) await _cluster.KillSiloAsync(victim);
        else await _cluster.StopSiloAsync(victim);

        var result = await run;
        Assert.Equal(CheckerStatus.Faulted, result.Status);
        Assert.False(result.IsComplete);
        Assert.NotNull(result.Error);
        output.WriteLine(result.Error.Message);
        Assert.Contains("The distributed run failed", result.Error.Message);
        Assert.Throws<CheckerAssertionException>(result.AssertProperties);
    }
}
