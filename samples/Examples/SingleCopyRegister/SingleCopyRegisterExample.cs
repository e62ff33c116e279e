using Stateright.Actors;
using Stateright.Examples.Cli;

namespace Stateright.Examples;

/// <summary>The command line of <see cref="SingleCopyRegister"/>, as the Rust example's: DFS, one server, a non-duplicating network by default.</summary>
public sealed class SingleCopyRegisterExample : Example
{
    /// <inheritdoc/>
    public override string Name => "single-copy-register";

    /// <inheritdoc/>
    public override string Summary => "an unreplicated register; linearizable with one server, not with two";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Usage { get; } =
    [
        "check [CLIENT_COUNT=2] [NETWORK=unordered-nonduplicating]      DFS, one server",
        "check-bfs | check-dfs | check-simulation [CLIENT_COUNT=2] [NETWORK]",
        SpawnMode.Usage(serverCount: 1),
    ];

    /// <inheritdoc/>
    public override int Run(CommandLine command, TextWriter output)
    {
        if (command.Mode == "spawn")
            return SpawnMode.Run<Unit>(command, output, "A server that implements a single-copy register.", 1, (_, _) => new SingleCopyRegister.Server());
        RequireCheckMode(command);
        var clients = command.PositiveInt(0, 2, "CLIENT_COUNT");
        var network = command.Network(1, NetworkKind.UnorderedNonDuplicating);
        output.WriteLine($"Model checking a single-copy register with {clients} clients.");
        var builder = command.Configure(SingleCopyRegister.Model(clients, serverCount: 1, network).Checker());
        return CheckOrExplore(builder, command, output, bfsByDefault: false);
    }
}
