using Stateright.Actors;
using Stateright.Examples.Cli;

namespace Stateright.Examples;

/// <summary>The command line of <see cref="Timers"/>, as the Rust example's: DFS on three pingers (unbounded: pass --timeout).</summary>
public sealed class TimersExample : Example
{
    /// <inheritdoc/>
    public override string Name => "timers";

    /// <inheritdoc/>
    public override string Summary => "pingers driven by named timers (unbounded; use --timeout)";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Usage { get; } =
    [
        "check [NETWORK=unordered-nonduplicating]      DFS on three pingers; runs until --timeout",
        "check-bfs | check-dfs | check-simulation [NETWORK]",
    ];

    /// <inheritdoc/>
    public override int Run(CommandLine command, TextWriter output)
    {
        RequireCheckMode(command);
        var network = command.Network(0, NetworkKind.UnorderedNonDuplicating);
        output.WriteLine("Model checking Pingers");
        var builder = command.Configure(Timers.Model(3, network).Checker());
        return CheckOrExplore(builder, command, output, bfsByDefault: false);
    }
}
