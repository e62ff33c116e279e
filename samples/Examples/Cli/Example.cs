namespace Stateright.Examples.Cli;

/// <summary>One runnable example: a name, a one-line summary, its usage, and how to run each mode.</summary>
public abstract class Example
{
    /// <summary>The name on the command line, e.g. <c>2pc</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One line for the list of examples.</summary>
    public abstract string Summary { get; }

    /// <summary>The example's modes and arguments, one per line, without the program prefix.</summary>
    public abstract IReadOnlyList<string> Usage { get; }

    /// <summary>The value-less options this example accepts, e.g. <c>--durable</c>; others are usage errors.</summary>
    public virtual IReadOnlyCollection<string> Switches => [];

    /// <summary>Runs a mode; returns the exit code.</summary>
    /// <exception cref="UsageException">The mode or its arguments are not valid for this example.</exception>
    public abstract int Run(CommandLine command, TextWriter output);

    /// <summary>
    /// Throws unless the mode is one of the checking modes every example offers: <c>check</c>, <c>check-bfs</c>,
    /// <c>check-dfs</c>, <c>check-simulation</c>, and <c>explore</c> (the Explorer, see <see cref="ExploreMode"/>).
    /// </summary>
    /// <exception cref="UsageException">Any other mode.</exception>
    protected void RequireCheckMode(CommandLine command)
    {
        if (command.Mode is not ("check" or "check-bfs" or "check-dfs" or "check-simulation" or "explore"))
            throw new UsageException($"Unknown mode '{command.Mode}' for {Name}.");
    }

    /// <summary>Prints a checker's report and returns 0, or 1 if the model threw.</summary>
    protected static int Report<TState, TAction>(Checker<TState, TAction> checker, TextWriter output)
    {
        checker.Report(output);
        return checker.Error is null ? 0 : 1;
    }

    /// <summary>
    /// Runs a checking mode (<see cref="Spawn"/>, then the report), or for <c>explore</c> serves the Explorer on
    /// the model until Ctrl+C (<see cref="ExploreMode"/>).
    /// </summary>
    protected int CheckOrExplore<TState, TAction>(CheckerBuilder<TState, TAction> builder, CommandLine command, TextWriter output, bool bfsByDefault) =>
        command.Mode == "explore"
            ? ExploreMode.Run(builder, command, output, string.Join(' ', [Name, .. command.Positional]))
            : Report(Spawn(builder, command.Mode, command, bfsByDefault), output);

    /// <summary>Whether the mode is <c>distributed</c> or <c>silo</c> (<see cref="DistributedMode"/>).</summary>
    protected static bool IsDistributedMode(CommandLine command) => command.Mode is "distributed" or "silo";

    /// <summary>
    /// Runs the <c>distributed</c> or <c>silo</c> mode (<see cref="DistributedMode"/>) for <paramref name="model"/> (the builder's), named
    /// by the example and its arguments (e.g. <c>2pc 8</c>) on every silo.
    /// </summary>
    protected int CheckDistributed<TState, TAction>(Model<TState, TAction> model, CheckerBuilder<TState, TAction> builder, CommandLine command, TextWriter output, Distributed.IStateCodec<TState>? codec = null) =>
        DistributedMode.Run(model, builder, codec, command, output, string.Join(' ', [Name, .. command.Positional]));

    /// <summary>Starts the engine a mode names: <c>check-bfs</c>, <c>check-dfs</c>, <c>check-simulation</c>, or the example's default for <c>check</c>.</summary>
    protected static Checker<TState, TAction> Spawn<TState, TAction>(CheckerBuilder<TState, TAction> builder, string mode, CommandLine command, bool bfsByDefault) => mode switch
    {
        "check-bfs" => builder.SpawnBfs(),
        "check-dfs" => builder.SpawnDfs(),
        "check-simulation" => builder.SpawnSimulation(command.Seed),
        _ => bfsByDefault ? builder.SpawnBfs() : builder.SpawnDfs(),
    };
}
