// The seed chapter's program.
//   dotnet run --project samples/GettingStarted           runs ServerActor on UDP 127.0.0.1:3000 (JSON) until Ctrl+C
//   dotnet run --project samples/GettingStarted -- check  checks the model and prints the report
using System.Net;
using GettingStarted;
using Microsoft.Extensions.Logging;
using Stateright;

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

return await Server.RunAsync(new IPEndPoint(IPAddress.Loopback, 3000), loggerFactory, Console.Out, Console.Error);
