using System.Net;
using Stateright.Explorer;

namespace Stateright.Examples.Cli;

/// <summary>
/// The <c>explore</c> mode every example offers, like the Rust examples' <c>serve</c>: a BFS checker runs in the
/// background while the Explorer serves the model on http://127.0.0.1:PORT (3000 unless <c>--port</c>; 0 picks a
/// free port) until Ctrl+C, SIGTERM or the command's <see cref="CommandLine.Stop"/>.
/// </summary>
public static class ExploreMode
{
    /// <summary>The port, as in the Rust examples.</summary>
    public const int DefaultPort = 3000;

    /// <summary>The usage line every example gets.</summary>
    public const string Usage = "explore [same arguments as check] [--port P=3000]   step through the model in the browser (the Explorer; BFS in the background)";

    /// <summary>Serves the Explorer for the builder's model; prints its address; returns 0 when stopped.</summary>
    /// <exception cref="UsageException">The port is taken.</exception>
    public static int Run<TState, TAction>(CheckerBuilder<TState, TAction> builder, CommandLine command, TextWriter output, string modelName) =>
        RunAsync(builder, command, output, modelName).GetAwaiter().GetResult();

    private static async Task<int> RunAsync<TState, TAction>(CheckerBuilder<TState, TAction> builder, CommandLine command, TextWriter output, string modelName)
    {
        ExplorerServer explorer;
        try
        {
            explorer = await builder.StartExplorerAsync(new ExplorerOptions { Address = IPAddress.Loopback, Port = command.Port, ModelName = modelName }, command.Stop);
        }
        catch (IOException e)
        {
            throw new UsageException($"{e.Message} Choose another with --port (0 picks a free one).");
        }
        await using (explorer)
        {
            output.WriteLine($"Exploring {modelName}: open {explorer.Address} in a browser. Ctrl+C stops.");
            output.Flush();
            await explorer.WaitForShutdownAsync(command.Stop);
        }
        return 0;
    }
}
