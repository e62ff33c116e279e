using Stateright.Actors;
using Stateright.Examples.Cli;

namespace Stateright.Examples;

/// <summary>The command line of <see cref="Raft"/>, as the Rust example's: BFS, three servers, to depth 12, a non-duplicating network.</summary>
public sealed class RaftExample : Example
{
    /// <inheritdoc/>
    public override string Name => "raft";

    /// <inheritdoc/>
    public override string Summary => "Raft leader election and log replication";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Usage { get; } =
    [
        "check [SERVER_COUNT=3] [DEPTH=12] [NETWORK=unordered-nonduplicating]      BFS (also check-bfs)",
        "check-dfs [SERVER_COUNT=3] [DEPTH=12] [NETWORK]",
        "check-simulation [SERVER_COUNT=3] [DEPTH=12] [NETWORK]                   10 s unless --timeout",
        "--durable   servers keep term, vote and log across crashes (as Raft requires)",
    ];

    /// <inheritdoc/>
    public override IReadOnlyCollection<string> Switches { get; } = ["--durable"];

    /// <inheritdoc/>
    public override int Run(CommandLine command, TextWriter output)
    {
        RequireCheckMode(command);
        var servers = command.PositiveInt(0, 3, "SERVER_COUNT");
        var depth = command.PositiveInt(1, 12, "DEPTH");
        var network = command.Network(2, NetworkKind.UnorderedNonDuplicating);
        var durable = command.Switches.Contains("--durable");
        output.WriteLine($"Model checking Raft with {servers} servers{(durable ? " (durable)" : "")}.");
        var builder = command.Configure(Raft.Model(servers, network, durable).Checker()).TargetMaxDepth(depth);
        if (command.Mode == "check-simulation" && command.Timeout is null) builder.Timeout(TimeSpan.FromSeconds(10));
        return CheckOrExplore(builder, command, output, bfsByDefault: true);
    }
}
