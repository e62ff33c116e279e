using Stateright.Actors;
using Stateright.Examples.Cli;

namespace Stateright.Examples;

/// <summary>The command line of <see cref="Paxos"/>, as the Rust example's: BFS, three servers, a non-duplicating network by default; simulation for 10 s.</summary>
public sealed class PaxosExample : Example
{
    /// <inheritdoc/>
    public override string Name => "paxos";

    /// <inheritdoc/>
    public override string Summary => "single-decree Paxos as a linearizable register (three servers)";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Usage { get; } =
    [
        "check [CLIENT_COUNT=2] [NETWORK=unordered-nonduplicating]      BFS (also check-bfs)",
        "check-dfs [CLIENT_COUNT=2] [NETWORK]",
        "check-simulation [CLIENT_COUNT=2] [NETWORK]                   10 s unless --timeout",
        SpawnMode.Usage(serverCount: 3),
        DistributedMode.Usage,
        SiloMode.Usage,
    ];

    /// <inheritdoc/>
    public override int Run(CommandLine command, TextWriter output)
    {
        if (command.Mode == "spawn")
            return SpawnMode.Run<Paxos.PaxosMsg>(command, output, "A set of servers that implement Single Decree Paxos.", 3,
                (ids, i) => new Paxos.Server(SpawnMode.PeersOf(ids, i)));
        if (!IsDistributedMode(command)) RequireCheckMode(command);
        var clients = command.PositiveInt(0, 2, "CLIENT_COUNT");
        var network = command.Network(1, NetworkKind.UnorderedNonDuplicating);
        output.WriteLine($"Model checking Single Decree Paxos with {clients} clients.");
        var model = Paxos.Model(clients, serverCount: 3, network);
        var builder = command.Configure(model.Checker());
        // Actor system states: StateCodecs.Default gives the binary codec.
        if (IsDistributedMode(command)) return CheckDistributed(model, builder, command, output);
        if (command.Mode == "check-simulation" && command.Timeout is null) builder.Timeout(TimeSpan.FromSeconds(10));
        return CheckOrExplore(builder, command, output, bfsByDefault: true);
    }
}
