using Stateright.Examples.Cli;

namespace Stateright.Examples;

/// <summary>The command line of <see cref="Interaction"/>, as the Rust example's: BFS to depth 30.</summary>
public sealed class InteractionExample : Example
{
    /// <inheritdoc/>
    public override string Name => "interaction";

    /// <inheritdoc/>
    public override string Summary => "a client and a counter of different actor classes; external input as timers";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Usage { get; } =
    [
        "check      BFS to depth 30",
        "check-bfs | check-dfs | check-simulation",
    ];

    /// <inheritdoc/>
    public override int Run(CommandLine command, TextWriter output)
    {
        RequireCheckMode(command);
        var builder = command.Configure(Interaction.Model().Checker()).TargetMaxDepth(30);
        return CheckOrExplore(builder, command, output, bfsByDefault: true);
    }
}
