// The seed chapter's program.
//   dotnet run --project samples/GettingStarted           runs ServerActor on UDP 127.0.0.1:3000 (JSON) until Ctrl+C
//   dotnet run --project samples/GettingStarted -- check  checks the model and prints the report
using System.Net;
using GettingStarted;
using Microsoft.Extensions.Logging;
using Stateright;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Runtime;

if (args is ["check"])
{
    RegisterSystem.Model().Checker().SpawnBfs().Report(Console.Out);
    return 0;
}
if (args.Length > 0)
{
    Console.Error.WriteLine("Usage: dotnet run --project samples/GettingStarted [-- check]");
    return 2;
}

using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .SetMinimumLevel(LogLevel.Debug));

var endpoint = new IPEndPoint(IPAddress.Loopback, 3000);
await using var runtime = ActorRuntime.Start<RegisterMsg<ulong, char, Unit>>(
    [(endpoint, new ServerActor())],
    new ActorRuntimeOptions<RegisterMsg<ulong, char, Unit>> { LoggerFactory = loggerFactory });
Console.WriteLine($$"""
    ServerActor is listening on UDP {{endpoint}} (JSON). From another terminal:
        nc -u localhost 3000
        {"Put":[1,"X"]}
        {"Get":2}
    Replies such as {"PutOk":1} and {"GetOk":[2,"X"]} come back on the same connection. Ctrl+C stops.
    """);
await runtime.RunUntilSignalAsync();
Console.WriteLine("Stopped.");
return 0;
