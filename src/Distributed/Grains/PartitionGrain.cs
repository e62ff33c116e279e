using Microsoft.Extensions.DependencyInjection;

namespace Stateright.Distributed;

/// <summary>The grain that hosts a partition's <see cref="IPartitionLogic"/>.</summary>
internal sealed class PartitionGrain(IServiceProvider services) : Grain, IPartitionGrain
{
    private IPartitionLogic? _logic;
    private RunSpec? _spec;
    private int _partition;

    public Task<InitReport> Init(RunSpec spec, int partition)
    {
        var models = services.GetService<DistributedModels>();
        if (models is null || !models.TryCreate(spec.ModelName, partition, spec.Partitions, out var logic))
            return Task.FromResult(new InitReport(0, 0,
                $"No model named \"{spec.ModelName}\" is registered on silo {RuntimeIdentity}: register it on every silo with services.AddStaterightModels(models => models.Add(\"{spec.ModelName}\", model))."));
        (_logic, _spec, _partition) = (logic, spec, partition);
        return Task.FromResult(logic.Init(spec.PropertyNames));
    }

    public Task<ExpandReport> Expand(bool[] discovered)
    {
        var (logic, spec) = Active();
        return logic.ExpandAsync(discovered, (owner, batch) =>
        {
            if (owner == _partition) { logic.Receive(batch); return Task.CompletedTask; }
            return GrainFactory.GetGrain<IPartitionGrain>(CoordinatorGrain.PartitionKey(spec.RunId, owner)).Deliver(batch);
        }, spec.BatchBytes);
    }

    public Task Deliver(byte[] batch)
    {
        Active().Logic.Receive(batch);
        return Task.CompletedTask;
    }

    public Task<CommitReport> Commit() => Task.FromResult(Active().Logic.Commit() with { Silo = RuntimeIdentity });

    public Task<ParentLink> ParentOf(ulong key) => Task.FromResult(Active().Logic.ParentOf(key));

    public Task Release()
    {
        (_logic, _spec) = (null, null);
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The run's state. A partition whose silo stopped is activated afresh elsewhere on the next call,
    /// with nothing in it: that must end the run, never let it go on with a part of the state space missing.
    /// </summary>
    private (IPartitionLogic Logic, RunSpec Spec) Active() =>
        _logic is { } logic && _spec is { } spec
            ? (logic, spec)
            : throw new InvalidOperationException(
                $"Partition {this.GetPrimaryKeyString()} has lost its state (its silo stopped, or it was deactivated): the distributed run cannot go on.");
}
