using Stateright.Tests.TestModels;

namespace Stateright.Tests;

/// <summary><see cref="Checker{TState, TAction}.DiscoveredSoFar"/>: what the search has found while it runs, for progress displays.</summary>
public class DiscoveredSoFarTests
{
    public static TheoryData<string> Engines => ["bfs", "dfs", "simulation"];

    [Theory]
    [MemberData(nameof(Engines))]
    public void While_the_run_waits_past_a_discovery_it_is_listed_and_the_others_are_not(string engine)
    {
        // Counts 0..10; "below two" fails at 2; the run waits in state 5 until the test has looked.
        var gate = new ManualResetEventSlim();
        var reached = new ManualResetEventSlim();
        var builder = new CountUpTo(10, Property<int>.Always("below two", s => s < 2), Property<int>.Always("below twenty", s => s < 20),
                Property<int>.Sometimes("reaches nine", s => s == 9))
            .Checker().Threads(1).Visitor(path =>
            {
                if (path.LastState != 5) return;
                reached.Set();
                gate.Wait(TimeSpan.FromSeconds(20));
            });
        var checker = engine switch { "bfs" => builder.SpawnBfs(), "dfs" => builder.SpawnDfs(), _ => builder.TargetStateCount(11).SpawnSimulation(1) };
        try
        {
            Assert.True(reached.Wait(TimeSpan.FromSeconds(20)));
            Assert.False(checker.IsDone);
            Assert.Equal(["below two"], checker.DiscoveredSoFar);
        }
        finally
        {
            gate.Set();
        }
        checker.Join();
        Assert.Equal(["below two", "reaches nine"], checker.DiscoveredSoFar);
        Assert.Equal(checker.Discoveries.Keys.Order(), checker.DiscoveredSoFar.Order());
    }
}
