using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Stateright.Distributed;

/// <summary>
/// The models a silo can check, by name. Every silo of the cluster registers the same models under the
/// same names (with <see cref="DistributedModelServices.AddStaterightModels"/>); the client names the
/// model it checks.
/// </summary>
public sealed class DistributedModels
{
    private readonly Dictionary<string, Func<int, int, IPartitionLogic>> _factories = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="model"/> under <paramref name="name"/>, with <see cref="StateCodecs.Default{TState}"/> unless <paramref name="codec"/> is given.</summary>
    /// <exception cref="ArgumentException">A model is already registered under that name.</exception>
    public DistributedModels Add<TState, TAction>(string name, Model<TState, TAction> model, IStateCodec<TState>? codec = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var chosen = codec ?? StateCodecs.Default<TState>();
        if (!_factories.TryAdd(name, (partition, partitions) => new PartitionLogic<TState, TAction>(model, chosen, partition, partitions)))
            throw new ArgumentException($"A model named \"{name}\" is already registered.", nameof(name));
        return this;
    }

    /// <summary>The names registered.</summary>
    public IReadOnlyCollection<string> Names => _factories.Keys;

    internal bool TryCreate(string name, int partition, int partitions, out IPartitionLogic logic)
    {
        logic = null!;
        if (!_factories.TryGetValue(name, out var factory)) return false;
        logic = factory(partition, partitions);
        return true;
    }
}

/// <summary>Registers the models a silo can check.</summary>
public static class DistributedModelServices
{
    /// <summary>
    /// Registers models for distributed checking on a silo: <c>siloBuilder.Services.AddStaterightModels(models =&gt; models.Add("2pc", new TwoPhaseCommit(3)))</c>.
    /// Calling it again adds to the same registry.
    /// </summary>
    public static IServiceCollection AddStaterightModels(this IServiceCollection services, Action<DistributedModels> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        services.TryAddSingleton<DistributedModels>();
        var existing = services.First(d => d.ServiceType == typeof(DistributedModels));
        if (existing.ImplementationInstance is DistributedModels models)
        {
            register(models);
            return services;
        }
        var created = new DistributedModels();
        register(created);
        services.Replace(ServiceDescriptor.Singleton(created));
        return services;
    }
}
