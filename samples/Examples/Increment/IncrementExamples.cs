using Stateright.Examples.Cli;

namespace Stateright.Examples;

/// <summary>The command line of <see cref="Increment"/>, as the Rust example's: DFS by default.</summary>
public sealed class IncrementExample : ThreadsExample
{
    /// <inheritdoc/>
    public override string Name => "increment";

    /// <inheritdoc/>
    public override string Summary => "threads incrementing a shared counter without a lock (a lost update)";

    /// <inheritdoc/>
    public override int Run(CommandLine command, TextWriter output) => Run(new Increment(command.PositiveInt(0, 3, "THREAD_COUNT")), "increment", command, output);
}

/// <summary>The command line of <see cref="IncrementLock"/>, as the Rust example's: DFS by default.</summary>
public sealed class IncrementLockExample : ThreadsExample
{
    /// <inheritdoc/>
    public override string Name => "increment-lock";

    /// <inheritdoc/>
    public override string Summary => "the same threads with a lock (the counter is right, and mutual exclusion holds)";

    /// <inheritdoc/>
    public override int Run(CommandLine command, TextWriter output) => Run(new IncrementLock(command.PositiveInt(0, 3, "THREAD_COUNT")), "increment-lock", command, output);
}

/// <summary>Shared modes of the increment examples: <c>check</c>, <c>check-sym</c>, and the engine variants.</summary>
public abstract class ThreadsExample : Example
{
    /// <inheritdoc/>
    public override IReadOnlyList<string> Usage { get; } =
    [
        "check [THREAD_COUNT=3]        DFS",
        "check-sym [THREAD_COUNT=3]    DFS with symmetry reduction",
        "check-bfs | check-dfs | check-simulation [THREAD_COUNT=3]",
    ];

    /// <summary>Runs a mode on a model whose state supports symmetry.</summary>
    protected int Run<TState, TAction>(Model<TState, TAction> model, string name, CommandLine command, TextWriter output)
        where TState : IRepresentative<TState>
    {
        var threads = command.Positional.Count > 0 ? command.Positional[0] : "3";
        var builder = command.Configure(model.Checker());
        switch (command.Mode)
        {
            case "check" or "check-bfs" or "check-dfs" or "check-simulation" or "explore":
                output.WriteLine($"Model checking {name} with {threads} threads.");
                return CheckOrExplore(builder, command, output, bfsByDefault: false);
            case "check-sym":
                output.WriteLine($"Model checking {name} with {threads} threads using symmetry reduction.");
                return Report(builder.Symmetry().SpawnDfs(), output);
            default:
                throw new UsageException($"Unknown mode '{command.Mode}' for {name}.");
        }
    }
}
