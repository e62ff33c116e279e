using Stateright.Examples;
using Stateright.Testing;
using Stateright.Testing.Xunit;

namespace Stateright.Bench.TestHost;

/// <summary>
/// The short rows of bench/README.md's table, each engine and thread count as the bench runs them. The
/// check runs once per method for all its properties; its "Done." line (the test's output) gives the
/// counts and seconds that bench/testhost.sh sets beside the bench's.
/// </summary>
public class BenchRows
{
    [ModelTheory(Engine = CheckEngine.Dfs, Threads = 1)] public static IModel TwoPhaseCommit8_T1() => new TwoPhaseCommit(8);
    [ModelTheory(Engine = CheckEngine.Dfs, Threads = 2)] public static IModel TwoPhaseCommit8_T2() => new TwoPhaseCommit(8);
    [ModelTheory(Engine = CheckEngine.Dfs, Threads = 1)] public static IModel TwoPhaseCommit9_T1() => new TwoPhaseCommit(9);
    [ModelTheory(Engine = CheckEngine.Dfs, Threads = 2)] public static IModel TwoPhaseCommit9_T2() => new TwoPhaseCommit(9);
    [ModelTheory(Engine = CheckEngine.Bfs, Threads = 1)] public static IModel Paxos3Bfs_T1() => Paxos.Model(3);
    [ModelTheory(Engine = CheckEngine.Bfs, Threads = 2)] public static IModel Paxos3Bfs_T2() => Paxos.Model(3);
    [ModelTheory(Engine = CheckEngine.Dfs, Threads = 1)] public static IModel Paxos3Dfs_T1() => Paxos.Model(3);
    [ModelTheory(Engine = CheckEngine.Dfs, Threads = 2)] public static IModel Paxos3Dfs_T2() => Paxos.Model(3);
    [ModelTheory(Engine = CheckEngine.Dfs, Threads = 1)] public static IModel SingleCopyRegister4_T1() => SingleCopyRegister.Model(4, serverCount: 1);
    [ModelTheory(Engine = CheckEngine.Dfs, Threads = 2)] public static IModel SingleCopyRegister4_T2() => SingleCopyRegister.Model(4, serverCount: 1);
}
