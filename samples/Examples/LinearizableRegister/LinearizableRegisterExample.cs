using Stateright.Actors;
using Stateright.Examples.Cli;

namespace Stateright.Examples;

/// <summary>The command line of <see cref="LinearizableRegister"/>, as the Rust example's: DFS, three servers, a non-duplicating network by default.</summary>
public sealed class LinearizableRegisterExample : Example
{
    /// <inheritdoc/>
    public override string Name => "linearizable-register";

    /// <inheritdoc/>
    public override string Summary => "the ABD quorum register, linearizable on three servers";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Usage { get; } =
    [
        "check [CLIENT_COUNT=2] [NETWORK=unordered-nonduplicating]      DFS, three servers",
        "check-bfs | check-dfs | check-simulation [CLIENT_COUNT=2] [NETWORK]",
        SpawnMode.Usage(serverCount: 3),
    ];

    /// <inheritdoc/>
    public override int Run(CommandLine command, TextWriter output)
    {
        if (command.Mode == "spawn")
            return SpawnMode.Run<LinearizableRegister.AbdMsg>(command, output, "A set of servers that implement a linearizable register (ABD).", 3,
                (ids, i) => new LinearizableRegister.Server(SpawnMode.PeersOf(ids, i)));
        RequireCheckMode(command);
        var clients = command.PositiveInt(0, 2, "CLIENT_COUNT");
        var network = command.Network(1, NetworkKind.UnorderedNonDuplicating);
        output.WriteLine($"Model checking a linearizable register with {clients} clients.");
        var builder = command.Configure(LinearizableRegister.Model(clients, serverCount: 3, network).Checker());
        return CheckOrExplore(builder, command, output, bfsByDefault: false);
    }
}
