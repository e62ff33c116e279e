using Stateright.Examples.Cli;

namespace Stateright.Examples;

/// <summary>The command line of <see cref="TwoPhaseCommit"/>, as the Rust example's: DFS by default.</summary>
public sealed class TwoPhaseCommitExample : Example
{
    /// <inheritdoc/>
    public override string Name => "2pc";

    /// <inheritdoc/>
    public override string Summary => "two-phase commit (Gray & Lamport), abstract model";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Usage { get; } =
    [
        "check [RESOURCE_MANAGER_COUNT=2]        DFS",
        "check-sym [RESOURCE_MANAGER_COUNT=2]    DFS with symmetry reduction",
        "check-bfs | check-dfs | check-simulation [RESOURCE_MANAGER_COUNT=2]",
        "check-actors [RESOURCE_MANAGER_COUNT=2]     the protocol as actors, DFS",
        "check-actors-sym [RESOURCE_MANAGER_COUNT=2] the protocol as actors, DFS with symmetry reduction (exact)",
        DistributedMode.Usage,
        SiloMode.Usage,
    ];

    /// <inheritdoc/>
    public override int Run(CommandLine command, TextWriter output)
    {
        var rms = command.PositiveInt(0, 2, "RESOURCE_MANAGER_COUNT");
        var model = new TwoPhaseCommit(rms);
        var builder = command.Configure(model.Checker());
        switch (command.Mode)
        {
            case "check" or "check-bfs" or "check-dfs" or "check-simulation" or "explore":
                output.WriteLine($"Checking two phase commit with {rms} resource managers.");
                return CheckOrExplore(builder, command, output, bfsByDefault: false);
            case "check-actors" or "check-actors-sym":
            {
                var symmetric = command.Mode == "check-actors-sym";
                output.WriteLine($"Checking two phase commit as actors with {rms} resource managers{(symmetric ? " using symmetry reduction" : "")}.");
                var actors = command.Configure(TwoPhaseCommitActors.Model(rms).Checker());
                return Report((symmetric && rms >= 2 ? actors.Symmetry() : actors).SpawnDfs(), output);
            }
            case "distributed" or "silo":
                output.WriteLine($"Checking two phase commit with {rms} resource managers{(command.Mode == "silo" ? " (a silo)" : ", distributed")}.");
                // 17 bytes a state where the default (JSON, for a state that is no actor system's) takes 93.
                return CheckDistributed(model, builder, command, output, new Distributed.BinaryStateCodec<TwoPhaseCommit.State>());
            case "check-sym":
                output.WriteLine($"Checking two phase commit with {rms} resource managers using symmetry reduction.");
                return Report(builder.Symmetry().SpawnDfs(), output);
            default:
                throw new UsageException($"Unknown mode '{command.Mode}' for 2pc.");
        }
    }
}
