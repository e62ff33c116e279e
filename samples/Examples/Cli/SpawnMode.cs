using System.Net;
using Microsoft.Extensions.Logging;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Runtime;

namespace Stateright.Examples.Cli;

/// <summary>
/// The <c>spawn</c> mode of the register examples: runs servers on UDP 127.0.0.1 (ports PORT, PORT+1, …)
/// with JSON messages until Ctrl+C, after printing their addresses and an <c>nc</c> session to try.
/// Like the Rust examples, it omits the ordered reliable link so that <c>nc</c> can speak the protocol.
/// </summary>
public static class SpawnMode
{
    /// <summary>The first port, as in the Rust examples.</summary>
    public const int DefaultPort = 3000;

    /// <summary>The usage line for an example with <paramref name="serverCount"/> servers.</summary>
    public static string Usage(int serverCount) =>
        $"spawn [PORT={DefaultPort}]                                       {(serverCount == 1 ? "one server on 127.0.0.1:PORT" : $"{serverCount} servers on 127.0.0.1:PORT..PORT+{serverCount - 1}")} (UDP, JSON) until Ctrl+C";

    /// <summary>
    /// The endpoints and actors of <paramref name="serverCount"/> servers from <paramref name="firstPort"/>;
    /// <paramref name="create"/> receives every server's id and the index of the one to make.
    /// </summary>
    public static IReadOnlyList<(IPEndPoint Endpoint, IActor<RegisterMsg<ulong, char, TInternal>> Actor)> Servers<TInternal>(
        int serverCount, int firstPort, Func<IReadOnlyList<Id>, int, IActor<RegisterMsg<ulong, char, TInternal>>> create)
    {
        var endpoints = Enumerable.Range(firstPort, serverCount).Select(port => new IPEndPoint(IPAddress.Loopback, port)).ToArray();
        var ids = endpoints.Select(Id.FromEndpoint).ToArray();
        return endpoints.Select((endpoint, i) => (endpoint, create(ids, i))).ToArray();
    }

    /// <summary>The ids of all servers but <paramref name="self"/>.</summary>
    public static IReadOnlyList<Id> PeersOf(IReadOnlyList<Id> ids, int self) => ids.Where((_, i) => i != self).ToArray();

    /// <summary>Prints the banner, runs the servers until Ctrl+C, SIGTERM or the command's <see cref="CommandLine.Stop"/>, and returns the exit code.</summary>
    /// <exception cref="UsageException">PORT is not a port, or the servers' ports run past 65535.</exception>
    public static int Run<TInternal>(CommandLine command, TextWriter output, string description, int serverCount,
        Func<IReadOnlyList<Id>, int, IActor<RegisterMsg<ulong, char, TInternal>>> create)
    {
        var port = command.PositiveInt(0, DefaultPort, "PORT");
        if (port + serverCount - 1 > IPEndPoint.MaxPort) throw new UsageException($"PORT must leave room for {serverCount} ports below 65536, not '{port}'.");
        var servers = Servers(serverCount, port, create);
        var serializer = JsonMessageSerializer<RegisterMsg<ulong, char, TInternal>>.Default;
        output.WriteLine($"  {description}");
        output.WriteLine("  You can monitor and interact using tcpdump and netcat.");
        output.WriteLine($"  Listening on {string.Join(", ", servers.Select(s => s.Endpoint))} (UDP, JSON). Ctrl+C stops.");
        output.WriteLine("Examples:");
        output.WriteLine("$ sudo tcpdump -i lo -s 0 -nnX");
        output.WriteLine($"$ nc -u localhost {port}");
        output.WriteLine(System.Text.Encoding.UTF8.GetString(serializer.Serialize(new RegisterMsg<ulong, char, TInternal>.Put(1, 'X'))));
        output.WriteLine(System.Text.Encoding.UTF8.GetString(serializer.Serialize(new RegisterMsg<ulong, char, TInternal>.Get(2))));
        output.WriteLine();
        output.Flush();

        using var logging = LoggerFactory.Create(builder => builder.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        var options = new ActorRuntimeOptions<RegisterMsg<ulong, char, TInternal>> { LoggerFactory = logging };
        RunAsync(servers, options, command.Stop).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunAsync<TMsg>(IReadOnlyList<(IPEndPoint Endpoint, IActor<TMsg> Actor)> servers, ActorRuntimeOptions<TMsg> options, CancellationToken stop)
    {
        await using var runtime = ActorRuntime.Start(servers, options);
        await runtime.RunUntilSignalAsync(stop);
    }
}
