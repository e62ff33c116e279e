namespace Stateright.Tests.Liveness;

/// <summary>The liveness pass merges its parallel levels in canonical order: discoveries do not depend on the thread count, in BFS or DFS.</summary>
public class DeterminismTests
{
    public static TheoryData<string> Engines => ["BFS", "DFS"];

    [Theory]
    [MemberData(nameof(Engines))]
    public void Discoveries_are_the_same_for_1_2_and_4_threads(string engine)
    {
        for (var seed = 0; seed < 60; seed++)
        {
            var graph = RandomGraphCrossCheckTests.RandomGraph(seed);
            string? first = null;
            foreach (var threads in new[] { 1, 2, 4 })
            {
                var builder = graph.Checker().Threads(threads);
                var checker = engine == "BFS" ? builder.SpawnBfs().Join() : builder.SpawnDfs().Join();
                var path = checker.Discovery("goal");
                var found = path is null ? "none" : $"{path.Encode()} cycle {path.CycleStart}";
                first ??= found;
                Assert.True(first == found, $"seed {seed}, {threads} threads: {found}, 1 thread: {first}");
            }
        }
    }

    [Fact]
    public void An_actor_model_lasso_is_the_same_for_every_thread_count()
    {
        string? first = null;
        foreach (var threads in new[] { 1, 2, 4 })
        {
            foreach (var dfs in new[] { false, true })
            {
                var builder = Actors.PingPong.Model(maxNat: 3).LossyNetwork().Checker().Threads(threads);
                var checker = dfs ? builder.SpawnDfs().Join() : builder.SpawnBfs().Join();
                var path = checker.Discovery("must exceed max")!;
                if (!dfs)
                {
                    var found = $"{path.Encode()} cycle {path.CycleStart}";
                    first ??= found;
                    Assert.Equal(first, found);
                }
                Assert.NotNull(path);
            }
        }
    }
}
