// The seed chapter's example. For now `dotnet run` checks the model and prints the report; running
// ServerActor on UDP port 3000 (for the chapter's `nc -u localhost 3000` session) comes with the
// UDP runtime.
using GettingStarted;
using Stateright;

RegisterSystem.Model().Checker().SpawnBfs().Report(Console.Out);
