using Stateright.Examples;

namespace Stateright.Distributed.Tests;

/// <summary><see cref="DistributedOptions.Progress"/>: told after each level, with what each silo holds.</summary>
public sealed class ProgressTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Each_level_reports_its_depth_and_counts_and_each_silo_s_partitions_and_states()
    {
        var reports = new List<DistributedProgress>();
        var progress = new Recorder(reports);
        var result = await new TwoPhaseCommit(3).Checker()
            .SpawnDistributedAsync(fixture.Client, "2pc-3", new DistributedOptions { Partitions = 5, Progress = progress });

        Assert.Equal(CheckerStatus.Exhausted, result.Status);
        Assert.Equal(result.MaxDepth, reports.Count);
        Assert.Equal(Enumerable.Range(1, result.MaxDepth), reports.Select(r => r.Depth));
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.UniqueStateCount <= p.Second.UniqueStateCount), "unique counts went down");
        var last = reports[^1];
        Assert.Equal((result.StateCount, result.UniqueStateCount), (last.StateCount, last.UniqueStateCount));
        Assert.All(reports, r =>
        {
            Assert.Equal(5, r.Silos.Sum(s => s.Partitions));
            Assert.Equal(r.UniqueStateCount, r.Silos.Sum(s => s.UniqueStateCount));
            Assert.All(r.Silos, s => Assert.False(string.IsNullOrEmpty(s.Silo)));
        });
        Assert.StartsWith($"Checking. states={last.StateCount}, unique={last.UniqueStateCount}, depth={last.Depth}, sec=", last.ToString(), StringComparison.Ordinal);
        Assert.Contains(" unique", last.ToString().Split("; silos: ")[1], StringComparison.Ordinal);
    }

    /// <summary>Records synchronously (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class Recorder(List<DistributedProgress> reports) : IProgress<DistributedProgress>
    {
        public void Report(DistributedProgress value) => reports.Add(value);
    }
}
