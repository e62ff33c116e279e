using Stateright.Examples;

namespace Stateright.Distributed.Tests;

/// <summary>
/// The distributed BFS against the one-machine BFS (<c>SpawnBfs</c>): the same status, state counts,
/// depth and discoveries (by index path) with one partition and with several spread over three silos.
/// </summary>
public sealed class ParityTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public Task Two_phase_commit_matches_the_one_machine_bfs(int partitions) =>
        Compare(new TwoPhaseCommit(3), "2pc-3", partitions);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public Task Register_matches_the_one_machine_bfs(int partitions) =>
        Compare(new RegisterModel(clients: 2), "register", partitions);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public Task Equal_depth_parents_are_chosen_as_one_machine_chooses(int partitions) =>
        Compare(new Grid(6), "grid", partitions);

    [Fact]
    public async Task The_default_layout_uses_two_partitions_per_silo()
    {
        var result = await new Grid(6).Checker().SpawnDistributedAsync(fixture.Client, "grid");
        Assert.Equal(6, result.Partitions);
        Assert.Equal(CheckerStatus.Exhausted, result.Status);
    }

    [Fact]
    public async Task A_target_depth_stops_where_the_one_machine_bfs_stops()
    {
        var one = new TwoPhaseCommit(3).Checker().TargetMaxDepth(4).SpawnBfs().Join();
        var many = await new TwoPhaseCommit(3).Checker().TargetMaxDepth(4).SpawnDistributedAsync(fixture.Client, "2pc-3", new DistributedOptions { Partitions = 3 });
        Assert.Equal(one.Status, many.Status);
        Assert.Equal(one.StateCount, many.StateCount);
        Assert.Equal(one.UniqueStateCount, many.UniqueStateCount);
        Assert.Equal(one.MaxDepth, many.MaxDepth);
    }

    private Task Compare<TState, TAction>(Model<TState, TAction> model, string name, int partitions) =>
        Parity.Compare(fixture.Client, model, name, partitions);
}
