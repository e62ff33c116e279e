using Orleans.Configuration;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Stateright.Distributed.Tests;

/// <summary>
/// A silo stopped while a run is under way ends the run faulted, with a message naming the failure:
/// never a pass, never counts from part of the state space. Its own cluster, as it loses a silo.
/// </summary>
public sealed class SiloLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int ChainLength = 600, GateAt = 300; // the gate lies past the front door's codec sample (256 states)
    private readonly GatedChain.Gate _gate = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        // A call to a grain on a stopped silo can wait for the response timeout: 10 s rather than 30 (a level here takes well under a second).
        builder.ConfigureSilo((_, silo) => silo
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10))
            .Services.AddStaterightModels(models => models.Add("gated", new GatedChain(ChainLength, GateAt, _gate))));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10)));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        _gate.Dispose();
        await _cluster.DisposeAsync();
    }

    [Theory]
    [Trait("Category", "Parity")] // its own cluster, and a stop can take a response timeout to notice: up to about 15 s
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_silo_stopped_mid_run_faults_the_run(bool kill)
    {
        // The run waits at the gate, mid-level, while a silo that hosts a partition goes; then it goes on.
        var run = new GatedChain(ChainLength, GateAt, _gate).Checker().Timeout(TimeSpan.FromMinutes(2))
            .SpawnDistributedAsync(_cluster.Client, "gated", new DistributedOptions { Partitions = 6 });
        Assert.True(_gate.Reached.Wait(TimeSpan.FromSeconds(60)), "the run never reached the gate");
        Assert.False(run.IsCompleted);
        var victim = await SiloHostingAPartition();
        var going = kill ? _cluster.KillSiloAsync(victim) : _cluster.StopSiloAsync(victim);
        // A graceful stop waits for the partition at the gate if the silo hosts it: open the gate once the stop is under way.
        await Task.WhenAny(going, Task.Delay(TimeSpan.FromSeconds(2)));
        _gate.Open.Set();
        await going;

        var result = await run;
        Assert.Equal(CheckerStatus.Faulted, result.Status);
        Assert.False(result.IsComplete);
        Assert.NotNull(result.Error);
        output.WriteLine(result.Error.Message);
        Assert.Contains("The distributed run failed", result.Error.Message);
        Assert.Throws<CheckerAssertionException>(result.AssertProperties);
    }

    /// <summary>
    /// A silo that hosts at least one of the run's partitions (a silo that hosts none could go without
    /// the run noticing, rightly); other than the first silo when it can be.
    /// </summary>
    private async Task<InProcessSiloHandle> SiloHostingAPartition()
    {
        var statistics = await _cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var hosts = statistics.Where(s => s.GrainType.Contains("PartitionGrain", StringComparison.Ordinal)).Select(s => s.SiloAddress).ToHashSet();
        Assert.NotEmpty(hosts);
        return _cluster.Silos.Skip(1).FirstOrDefault(s => hosts.Contains(s.SiloAddress)) ?? _cluster.Silos.First(s => hosts.Contains(s.SiloAddress));
    }
}
