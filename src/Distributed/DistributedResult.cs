using System.Text;

namespace Stateright.Distributed;

/// <summary>
/// The outcome of a distributed run: its status, counts and discoveries (ordinary paths, replayed on
/// the client), with the verdicts the one-machine checker gives.
/// </summary>
public sealed class DistributedResult<TState, TAction>
{
    internal DistributedResult(Model<TState, TAction> model, int partitions) => (Model, Partitions) = (model, partitions);

    /// <summary>The model checked.</summary>
    public Model<TState, TAction> Model { get; }

    /// <summary>How many partitions shared the state space.</summary>
    public int Partitions { get; }

    /// <summary>Why the run stopped: <see cref="CheckerStatus.Exhausted"/> when every reachable state was checked.</summary>
    public CheckerStatus Status { get; internal set; } = CheckerStatus.Running;

    /// <summary>What failed, when <see cref="Status"/> is <see cref="CheckerStatus.Faulted"/>: model code, the codec, or the cluster (a silo that stopped).</summary>
    public ModelCheckingException? Error { get; internal set; }

    /// <summary>States generated, repeats included (as <see cref="Checker{TState, TAction}.StateCount"/>).</summary>
    public long StateCount { get; internal set; }

    /// <summary>Distinct states visited, over all partitions.</summary>
    public long UniqueStateCount { get; internal set; }

    /// <summary>The greatest depth reached (initial states have depth 1).</summary>
    public int MaxDepth { get; internal set; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Each property's discovery, by property name: the same shortest path the one-machine BFS reports.</summary>
    public IReadOnlyDictionary<string, Path<TState, TAction>> Discoveries { get; internal set; } = new Dictionary<string, Path<TState, TAction>>();

    /// <summary>True when every property's verdict is known: every state checked, or every property discovered.</summary>
    public bool IsComplete => Status == CheckerStatus.Exhausted
        || (Status == CheckerStatus.FinishedByDiscoveries && Model.Properties.Count > 0 && Discoveries.Count == Model.Properties.Count);

    /// <summary>The discovery of the named property, or null.</summary>
    /// <exception cref="KeyNotFoundException">The model has no property with that name.</exception>
    public Path<TState, TAction>? Discovery(string name)
    {
        _ = Model.Property(name);
        return Discoveries.TryGetValue(name, out var path) ? path : null;
    }

    /// <summary>One line: status, counts, depth, partitions and time.</summary>
    public string Report() =>
        $"Distributed BFS {Status}: {StateCount:N0} states, {UniqueStateCount:N0} unique, max depth {MaxDepth}, " +
        $"{Discoveries.Count} of {Model.Properties.Count} properties discovered, {Partitions} partitions, {Elapsed.TotalSeconds:0.###}s.";

    /// <summary>
    /// Asserts what <see cref="Checker{TState, TAction}.AssertProperties"/> asserts: every <c>Always</c>
    /// property holds, every <c>Sometimes</c> property has an example, and the run was complete.
    /// </summary>
    /// <exception cref="CheckerAssertionException">A property failed, or the run was incomplete or faulted.</exception>
    public void AssertProperties()
    {
        var failures = new StringBuilder();
        if (Error is not null) failures.Append($"The run faulted: {Error.Message}\n");
        foreach (var property in Model.Properties)
        {
            var path = Discovery(property.Name);
            if (property.Expectation == Expectation.Sometimes)
            {
                if (path is null) failures.Append($"\"{property.Name}\" (Sometimes): no example found{(IsComplete ? "" : " (the run was incomplete)")}.\n");
            }
            else if (path is not null)
            {
                failures.Append($"\"{property.Name}\" ({property.Expectation}): counterexample\n").Append(TraceText.Steps(Model, path)).Append('\n');
            }
            else if (!IsComplete)
            {
                failures.Append($"\"{property.Name}\" ({property.Expectation}): no counterexample, but the run was incomplete ({Status}).\n");
            }
        }
        if (failures.Length > 0) throw new CheckerAssertionException($"{Report()}\n{failures.ToString().TrimEnd('\n')}");
    }
}
