namespace Stateright.Bench;

/// <summary>The benchmark's command line.</summary>
internal sealed record BenchOptions(string Workload, int? Size, int Threads, bool? Bfs, bool Symmetry, bool GcLog = false, bool AllocLog = false, long? MaxStates = null, bool Coverage = false)
{
    public static BenchOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help") return null;
        int? size = null;
        var threads = Environment.ProcessorCount;
        bool? bfs = null;
        var symmetry = false;
        var gcLog = false;
        var allocLog = false;
        var coverage = false;
        long? maxStates = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--threads" when i + 1 < args.Length && int.TryParse(args[i + 1], out var t) && t > 0:
                    threads = t;
                    i++;
                    break;
                case "--bfs": bfs = true; break;
                case "--dfs": bfs = false; break;
                case "--symmetry": symmetry = true; break;
                case "--gc-log": gcLog = true; break;
                case "--alloc-log": allocLog = true; break;
                case "--coverage": coverage = true; break;
                case "--max-states" when i + 1 < args.Length && long.TryParse(args[i + 1], out var m) && m > 0:
                    maxStates = m;
                    i++;
                    break;
                default:
                    if (size is null && int.TryParse(args[i], out var n) && n > 0) { size = n; break; }
                    return null;
            }
        }
        return new BenchOptions(args[0], size, threads, bfs, symmetry, gcLog, allocLog, maxStates, coverage);
    }

    public string Describe(bool defaultBfs) =>
        $"{((Bfs ?? defaultBfs) ? "BFS" : "DFS")}{(Symmetry ? " with symmetry" : "")}, {Threads} thread{(Threads == 1 ? "" : "s")}";
}
