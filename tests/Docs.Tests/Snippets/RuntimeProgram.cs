// docs/runtime.md "Running actors": a whole program (ServerActor is samples/GettingStarted's, as on the page).
using GettingStarted;
#region runtime-start
using System.Net;
using Microsoft.Extensions.Logging;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Runtime;

using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole());   // Microsoft.Extensions.Logging.Console
await using var runtime = ActorRuntime.Start<RegisterMsg<ulong, char, Unit>>(
    [(new IPEndPoint(IPAddress.Loopback, 3000), new ServerActor())],
    new ActorRuntimeOptions<RegisterMsg<ulong, char, Unit>> { LoggerFactory = loggerFactory });
await runtime.RunUntilSignalAsync();   // until Ctrl+C or SIGTERM; RunAsync(token) stops on a token
#endregion
