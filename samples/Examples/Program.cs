// The command line for the examples arrives with the examples themselves; for now it checks two-phase commit.
using Stateright;
using Stateright.Examples;

var rms = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 3;
new TwoPhaseCommit(rms).Checker().Threads(Environment.ProcessorCount).SpawnBfs().Report(Console.Out);
