// The benchmark harness: runs the Rust library's bench.sh workloads and prints the checker's report,
// the wall time, unique states per second and peak memory. Measurements, not tests: see README.md.
using System.Diagnostics;
using Stateright;
using Stateright.Bench;
using Stateright.Examples;

const string Usage = """
    Usage: dotnet run -c Release --project bench -- <workload> [N] [--threads T] [--bfs | --dfs] [--symmetry] [--gc-log] [--alloc-log] [--max-states N] [--coverage]

    Workloads (the Rust library's bench.sh; engines as its examples' `check`):
      2pc N                    two-phase commit with N resource managers (default 3; DFS)
      2pc-packed N             the same, its state packed into one 64-bit integer (N at most 14; DFS): the
                               checker's own cost per state, with a model that costs almost nothing
      paxos N                  single-decree Paxos, 3 servers, N clients (default 2; BFS)
      single-copy-register N   one unreplicated server, N clients (default 2; DFS)
      linearizable-register N  ABD on 3 servers, N clients (default 2; DFS)
      chain N                  a single path of N states (default 20000; BFS): a deep, narrow model that
                               shows the cost of coordinating threads level after level
      floor N                  the yardstick, without the checker: packed 2PC with N RMs (default 8), DFS
                               on one thread into a presized HashSet; its time moves with the machine only

    Eventually properties (the search, then the liveness pass; the report gives each one's time):
      lww-convergence N        LwwRegister.ConvergenceModel([0, N], fixFirstWrite: true) (default 5; BFS): holds
      lww-convergence-bug N    the same without the fix (default 5; BFS): a lasso
      raft-election N          Raft.ElectionModel(N servers, maxInFlight 2N) (default 3; BFS)
      interaction              Interaction.Model(), to depth 30 as the example (BFS)
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
        var rms = options.Size ?? 3;
        Console.WriteLine($"Checking two phase commit with {rms} resource managers ({options.Describe(defaultBfs: false)}).");
        var twoPhase = new TwoPhaseCommit(rms).Checker();
        return Measure(options.Symmetry ? twoPhase.Symmetry() : twoPhase, options, defaultBfs: false);
    case "2pc-packed":
        var packedRms = options.Size ?? 3;
        Console.WriteLine($"Checking two phase commit, packed into 64 bits, with {packedRms} resource managers ({options.Describe(defaultBfs: false)}).");
        return Measure(new PackedTwoPhaseCommit(packedRms).Checker(), options, defaultBfs: false);
    case "paxos":
        Console.WriteLine($"Model checking Single Decree Paxos with {options.Size ?? 2} clients ({options.Describe(defaultBfs: true)}).");
        return Measure(Paxos.Model(options.Size ?? 2).Checker(), options, defaultBfs: true);
    case "single-copy-register":
        Console.WriteLine($"Model checking a single-copy register with {options.Size ?? 2} clients ({options.Describe(defaultBfs: false)}).");
        return Measure(SingleCopyRegister.Model(options.Size ?? 2, serverCount: 1).Checker(), options, defaultBfs: false);
    case "linearizable-register":
        Console.WriteLine($"Model checking a linearizable register with {options.Size ?? 2} clients ({options.Describe(defaultBfs: false)}).");
        return Measure(LinearizableRegister.Model(options.Size ?? 2, serverCount: 3).Checker(), options, defaultBfs: false);
    case "floor":
        Console.WriteLine($"The floor: packed two phase commit with {options.Size ?? 8} resource managers, one thread, no checker.");
        return Floor.Run(options.Size ?? 8);
    case "chain":
        Console.WriteLine($"Checking a chain of {options.Size ?? 20_000} states ({options.Describe(defaultBfs: true)}).");
        return Measure(new Chain(options.Size ?? 20_000).Checker(), options, defaultBfs: true);
    case "lww-convergence" or "lww-convergence-bug":
        var fixedWrite = options.Workload == "lww-convergence";
        Console.WriteLine($"Checking LWW register convergence, steps [0, {options.Size ?? 5}]{(fixedWrite ? ", first write fixed" : "")} ({options.Describe(defaultBfs: true)}).");
        return Measure(LwwRegister.ConvergenceModel([0, options.Size ?? 5], fixFirstWrite: fixedWrite).Checker(), options, defaultBfs: true);
    case "raft-election":
        var servers = options.Size ?? 3;
        Console.WriteLine($"Checking Raft leader election with {servers} servers, at most {2 * servers} messages in flight ({options.Describe(defaultBfs: true)}).");
        return Measure(Raft.ElectionModel(servers, maxInFlight: 2 * servers).Checker(), options, defaultBfs: true);
    case "interaction":
        Console.WriteLine($"Checking the interaction example to depth 30 ({options.Describe(defaultBfs: true)}).");
        return Measure(Interaction.Model().Checker().TargetMaxDepth(30), options, defaultBfs: true);
    default:
        Console.Error.WriteLine($"Unknown workload '{options.Workload}'.\n{Usage}");
        return 2;
}

static int Measure<TState, TAction>(CheckerBuilder<TState, TAction> builder, BenchOptions options, bool defaultBfs)
{
    builder = builder.Threads(options.Threads);
    if (options.MaxStates is { } maxStates) builder = builder.TargetStateCount(maxStates);
    if (options.Coverage) builder = builder.Coverage(); // as model tests run (src/ModelTests)
    using var gcLog = options.GcLog ? new GcLog() : null;
    using var allocLog = options.AllocLog ? new AllocationLog() : null;
    var cpuBefore = Environment.CpuUsage.TotalTime.TotalSeconds;
    var stopwatch = Stopwatch.StartNew();
    var checker = (options.Bfs ?? defaultBfs) ? builder.SpawnBfs() : builder.SpawnDfs();
    checker.Report(Console.Out);
    stopwatch.Stop();
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    var seconds = stopwatch.Elapsed.TotalSeconds;
    if (checker.LivenessPassTime > TimeSpan.Zero)
    {
        var pass = checker.LivenessPassTime.TotalSeconds;
        var passCpu = checker.LivenessPassCpuTime.TotalSeconds;
        var cpu = Environment.CpuUsage.TotalTime.TotalSeconds - cpuBefore;
        Console.WriteLine($"search={seconds - pass:F2}s, liveness-pass={pass:F2}s (pass/search={pass / Math.Max(1e-9, seconds - pass):F2}); " +
            $"cpu: search={cpu - passCpu:F2}s, liveness-pass={passCpu:F2}s (pass/search={passCpu / Math.Max(1e-9, cpu - passCpu):F2})");
    }
    Console.WriteLine($"wall={seconds:F2}s, unique/sec={checker.UniqueStateCount / seconds:N0}, states/sec={checker.StateCount / seconds:N0}, peak-working-set={process.PeakWorkingSet64 / (1024.0 * 1024):N0} MiB");
    Console.WriteLine($"gc-pause={GC.GetTotalPauseDuration().TotalSeconds:F2}s, collections gen0/gen1/gen2={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, allocated={GC.GetTotalAllocatedBytes() / (1024.0 * 1024 * 1024):F1} GiB ({GC.GetTotalAllocatedBytes():N0} bytes, {GC.GetTotalAllocatedBytes() / (double)Math.Max(1, checker.StateCount):N0} per generated state)");
    if (checker.VisitedSetBytes > 0)
        Console.WriteLine($"visited-set={checker.VisitedSetBytes / (1024.0 * 1024):N0} MiB ({checker.VisitedSetBytes / (double)Math.Max(1, checker.UniqueStateCount):F1} bytes per unique state), gc-heap={GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / (1024.0 * 1024):N0} MiB after the last collection");
    if (checker.CanonicalWalkSteps is { Walked: > 0 } walk)
        Console.WriteLine($"canonical-walk: walked={walk.Walked:N0}, owned={walk.Owned:N0}, expanded twice={walk.Walked - walk.Owned:N0} ({(walk.Walked - walk.Owned) / (double)Math.Max(1, checker.UniqueStateCount):P1} of the unique states)");
    if (gcLog is not null)
    {
        gcLog.Dispose();
        gcLog.Print(Console.Out);
    }
    allocLog?.Print(Console.Out);
    return checker.Error is null ? 0 : 1;
}
