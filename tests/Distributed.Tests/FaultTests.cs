namespace Stateright.Distributed.Tests;

/// <summary>A run that cannot be trusted ends with a clear error, never a pass.</summary>
public sealed class FaultTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task States_that_do_not_survive_the_codec_are_rejected_naming_the_type()
    {
        var error = await Assert.ThrowsAsync<InvalidModelException>(() => new LossyStates().Checker().SpawnDistributedAsync(fixture.Client, "lossy"));
        Assert.Contains("Lossy", error.Message);
        Assert.Contains("different fingerprint", error.Message);
    }

    [Fact]
    public async Task A_model_that_throws_on_a_partition_faults_the_run_with_the_path()
    {
        var result = await new ThrowsAtDepth(3).Checker().SpawnDistributedAsync(fixture.Client, "throws", new DistributedOptions { Partitions = 3 });
        Assert.Equal(CheckerStatus.Faulted, result.Status);
        Assert.Contains("InvalidOperationException", result.Error!.Message);
        Assert.Contains("counter reached 3", result.Error.Message);
        Assert.Equal("0/0", result.Error.IndexPath); // states 1 (0/0) and 2 (0/1) both throw: the smallest index path is reported
        Assert.Throws<CheckerAssertionException>(result.AssertProperties);
    }

    [Fact]
    public async Task A_model_with_no_initial_state_faults_the_run_naming_the_model()
    {
        var result = await new NoInitialState().Checker().SpawnDistributedAsync(fixture.Client, "no-start", new DistributedOptions { Partitions = 3 });
        Assert.Equal(CheckerStatus.Faulted, result.Status);
        Assert.Contains("The model NoInitialState has no initial state", result.Error!.Message);
        Assert.Empty(result.Discoveries);
        Assert.Throws<CheckerAssertionException>(result.AssertProperties);
    }

    [Fact]
    public async Task A_model_that_is_not_deterministic_faults_the_run_with_no_counterexample()
    {
        var result = await new DrawingNextState().Checker().SpawnDistributedAsync(fixture.Client, "drawing", new DistributedOptions { Partitions = 3 });
        Assert.Equal(CheckerStatus.Faulted, result.Status);
        Assert.Contains("NextState for 1 (action #0) gave two different states for the same state on two calls", result.Error!.Message);
        Assert.Empty(result.Discoveries);
        Assert.Throws<CheckerAssertionException>(result.AssertProperties);
    }

    [Fact]
    public async Task A_coordinator_activated_afresh_refuses_to_run_a_level()
    {
        // What a coordinator whose silo stopped looks like when the next call reactivates it elsewhere: a
        // level over no partitions would drain at once and end the run as exhausted (a silo-stop test saw it).
        var coordinator = fixture.Client.GetGrain<ICoordinatorGrain>(Guid.NewGuid().ToString("N"));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => coordinator.RunLevel([]));
        Assert.Contains("The coordinator has lost its state", error.Message);
    }

    [Fact]
    public async Task A_model_not_registered_on_the_silos_faults_the_run()
    {
        var result = await new Grid(2).Checker().SpawnDistributedAsync(fixture.Client, "no such model");
        Assert.Equal(CheckerStatus.Faulted, result.Status);
        Assert.Contains("No model named \"no such model\"", result.Error!.Message);
    }

    [Fact]
    public async Task Options_the_cluster_cannot_honour_are_refused()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => new Grid(2).Checker().Symmetry(p => p).SpawnDistributedAsync(fixture.Client, "grid"));
        Assert.Contains("Symmetry", error.Message);
    }
}
