// The benchmark harness: runs the Rust library's bench.sh workloads and prints the checker's report,
// the wall time, unique states per second and peak memory. Measurements, not tests: see README.md.
using System.Diagnostics;
using Stateright;
using Stateright.Bench;
using Stateright.Examples;

const string Usage = """
    Usage: dotnet run -c Release --project bench -- <workload> [N] [--threads T] [--bfs | --dfs] [--symmetry]

    Workloads:
      2pc N    two-phase commit with N resource managers (default 3; DFS like the Rust example's `check`)
    """;

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

switch (options.Workload)
{
    case "2pc":
        var model = new TwoPhaseCommit(options.Size ?? 3);
        Console.WriteLine($"Checking two phase commit with {model.ResourceManagerCount} resource managers ({options.Describe()}).");
        return Run(model.Checker(), options);
    default:
        Console.Error.WriteLine($"Unknown workload '{options.Workload}'.\n{Usage}");
        return 2;
}

static int Run<TState, TAction>(CheckerBuilder<TState, TAction> builder, BenchOptions options)
    where TState : IRepresentative<TState>
{
    builder = builder.Threads(options.Threads);
    if (options.Symmetry) builder = builder.Symmetry();
    var stopwatch = Stopwatch.StartNew();
    var checker = options.Bfs ? builder.SpawnBfs() : builder.SpawnDfs();
    checker.Report(Console.Out);
    stopwatch.Stop();
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    var seconds = stopwatch.Elapsed.TotalSeconds;
    Console.WriteLine($"wall={seconds:F2}s, unique/sec={checker.UniqueStateCount / seconds:N0}, states/sec={checker.StateCount / seconds:N0}, peak-working-set={process.PeakWorkingSet64 / (1024.0 * 1024):N0} MiB");
    return checker.Error is null ? 0 : 1;
}
