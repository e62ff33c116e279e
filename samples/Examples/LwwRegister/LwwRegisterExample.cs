using Stateright.Examples.Cli;

namespace Stateright.Examples;

/// <summary>The command line of <see cref="LwwRegister"/>, as the Rust example's: DFS to depth 8 by default.</summary>
public sealed class LwwRegisterExample : Example
{
    /// <inheritdoc/>
    public override string Name => "lww-register";

    /// <inheritdoc/>
    public override string Summary => "a last-writer-wins register CRDT with drifting clocks";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Usage { get; } =
    [
        "check [CLIENT_COUNT=2] [DEPTH=8]      DFS bounded by depth",
        "check-bfs | check-dfs | check-simulation [CLIENT_COUNT=2] [DEPTH=8]",
    ];

    /// <inheritdoc/>
    public override int Run(CommandLine command, TextWriter output)
    {
        RequireCheckMode(command);
        var nodes = command.PositiveInt(0, 2, "CLIENT_COUNT");
        var depth = command.PositiveInt(1, 8, "DEPTH");
        output.WriteLine($"Model checking a last-writer-wins register with {nodes} nodes to depth {depth}.");
        var builder = command.Configure(LwwRegister.Model(nodes).Checker()).TargetMaxDepth(depth);
        return CheckOrExplore(builder, command, output, bfsByDefault: false);
    }
}
