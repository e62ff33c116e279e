using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Runtime;

namespace GettingStarted;

/// <summary>What <c>dotnet run</c> does: serves <see cref="ServerActor"/> on UDP until Ctrl+C.</summary>
public static class Server
{
    /// <summary>
    /// Serves on <paramref name="endpoint"/> until Ctrl+C or <paramref name="cancellationToken"/>;
    /// returns the process exit code: 0 when stopped, 1 when the endpoint cannot be bound (for example,
    /// the port is in use — said plainly on <paramref name="error"/>, not as a stack trace).
    /// </summary>
    public static async Task<int> RunAsync(IPEndPoint endpoint, ILoggerFactory loggerFactory, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ActorRuntime<RegisterMsg<ulong, char, Unit>> runtime;
        try
        {
            runtime = ActorRuntime.Start<RegisterMsg<ulong, char, Unit>>(
                [(endpoint, new ServerActor())],
                new ActorRuntimeOptions<RegisterMsg<ulong, char, Unit>> { LoggerFactory = loggerFactory });
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            await error.WriteLineAsync($"Cannot serve on UDP {endpoint}: port {endpoint.Port} is in use. Stop the program using it, or pick another port.").ConfigureAwait(false);
            return 1;
        }
        catch (SocketException e)
        {
            await error.WriteLineAsync($"Cannot serve on UDP {endpoint}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        await using (runtime.ConfigureAwait(false))
        {
            await output.WriteLineAsync($$"""
                ServerActor is listening on UDP {{endpoint}} (JSON). From another terminal:
                    nc -u localhost {{endpoint.Port}}
                    {"Put":[1,"X"]}
                    {"Get":2}
                Replies such as {"PutOk":1} and {"GetOk":[2,"X"]} come back on the same connection. Ctrl+C stops.
                """).ConfigureAwait(false);
            await runtime.RunUntilSignalAsync(cancellationToken).ConfigureAwait(false);
        }
        await output.WriteLineAsync("Stopped.").ConfigureAwait(false);
        return 0;
    }
}
