using Stateright.Tests.TestModels;
using static Stateright.Tests.TestModels.LinearEquation;

namespace Stateright.Tests;

public class AssertionTests
{
    private static Checker<long, int> CounterChecker(params Property<long>[] properties) =>
        new Counter(properties).Checker().SpawnBfs().Join();

    [Fact]
    public void AssertProperties_describes_every_failing_property()
    {
        var model = new DGraph(
            Property<int>.Always("small", s => s < 3),
            Property<int>.Sometimes("huge", s => s > 100),
            Property<int>.Sometimes("two", s => s == 2)).WithPath(0, 1, 2, 3);
        var checker = model.Checker().SpawnBfs().Join();
        var e = Assert.Throws<CheckerAssertionException>(checker.AssertProperties);
        Assert.Contains("2 of 3 properties failed", e.Message);
        Assert.Contains("Unexpected Property \"small\" (Always): counterexample in 3 steps:", e.Message);
        Assert.Contains("  1. 1\n  2. 2\n  3. 3\n", e.Message);
        Assert.Contains("Last state: 3", e.Message);
        Assert.Contains("Index path: 0/0/0/0", e.Message);
        Assert.Contains("No example for \"huge\" (Sometimes) was found", e.Message);
        Assert.DoesNotContain("\"two\"", e.Message);
    }

    [Fact]
    public void AssertNoDiscovery_shows_the_counterexample()
    {
        var checker = new DGraph(Property<int>.Always("small", s => s < 2)).WithPath(0, 1, 2).Check();
        var e = Assert.Throws<CheckerAssertionException>(() => checker.AssertNoDiscovery("small"));
        Assert.StartsWith("Unexpected Property \"small\" (Always): counterexample in 2 steps:\n  1. 1\n  2. 2\nLast state: 2\nIndex path: 0/0/0", e.Message);
    }

    [Fact]
    public void AssertAnyDiscovery_fails_when_there_is_none()
    {
        var checker = new DGraph(Property<int>.Sometimes("big", s => s > 5)).WithPath(0, 1).Check();
        var e = Assert.Throws<CheckerAssertionException>(() => checker.AssertAnyDiscovery("big"));
        Assert.Contains("No example for \"big\" (Sometimes) was found (BFS, states=2, unique=2, depth=2)", e.Message);
    }

    [Fact]
    public void AssertDiscovery_rejects_an_invalid_path_and_shows_the_found_one()
    {
        var checker = new LinearEquation(2, 10, 14).Checker().SpawnBfs().Join();
        var e = Assert.Throws<CheckerAssertionException>(() => checker.AssertDiscovery("solvable", [Guess.IncreaseX]));
        Assert.Contains("not a valid example for \"solvable\" (Sometimes): the last state does not satisfy the property", e.Message);
        Assert.Contains("Given actions:\n  1. IncreaseX\n", e.Message);
        Assert.Contains("The checker found this one instead:\nProperty \"solvable\" (Sometimes): example in 3 steps:\n  1. IncreaseX\n  2. IncreaseX\n  3. IncreaseY\n", e.Message);
    }

    [Fact]
    public void AssertDiscovery_names_the_step_that_is_not_enabled()
    {
        var checker = new SlidingPuzzle(1, 4, 2, 3, 5, 8, 6, 7, 0).Checker().SpawnBfs().Join();
        var e = Assert.Throws<CheckerAssertionException>(() => checker.AssertDiscovery("solved", [SlidingPuzzle.Slide.Down, SlidingPuzzle.Slide.Right, SlidingPuzzle.Slide.Left, SlidingPuzzle.Slide.Left]));
        Assert.Contains("step 4 (Left) is not enabled (or changes nothing) after the first 3 steps", e.Message);
    }

    [Fact]
    public void Unknown_property_names_list_the_available_ones()
    {
        var checker = new LinearEquation(2, 10, 14).Checker().SpawnBfs().Join();
        var e = Assert.Throws<KeyNotFoundException>(() => checker.AssertNoDiscovery("solveable"));
        Assert.Equal("The model has no property named \"solveable\". Available properties: \"solvable\".", e.Message);
        Assert.Throws<KeyNotFoundException>(() => new LinearEquation(1, 1, 1).Checker().FinishWhen(HasDiscoveries.AnyOf("nope")).SpawnBfs());
    }

    [Fact]
    public void Duplicate_property_names_are_rejected()
    {
        var model = new DGraph(Property<int>.Always("p", _ => true), Property<int>.Sometimes("p", _ => true)).WithPath(0);
        var e = Assert.Throws<ArgumentException>(() => model.Checker().SpawnBfs());
        Assert.Contains("duplicated: \"p\"", e.Message);
    }

    [Fact]
    public void Timeout_makes_the_run_incomplete_never_a_pass()
    {
        var checker = new Counter(Property<long>.Always("true", _ => true)).Checker().Timeout(TimeSpan.FromMilliseconds(200)).SpawnBfs().Join();
        Assert.Equal(CheckerStatus.TimedOut, checker.Status);
        Assert.False(checker.IsComplete);
        var e = Assert.Throws<CheckerAssertionException>(checker.AssertProperties);
        Assert.Contains("No counterexample for \"true\" (Always) was found, but model checking is incomplete: it timed out after", e.Message);
    }

    [Fact]
    public async Task Cancellation_stops_every_engine()
    {
        foreach (var spawn in new Func<CheckerBuilder<long, int>, Checker<long, int>>[] { b => b.SpawnBfs(), b => b.SpawnDfs(), b => b.SpawnSimulation(1) })
        {
            using var cts = new CancellationTokenSource();
            var checker = spawn(new Counter(Property<long>.Always("true", _ => true)).Checker().Threads(2).WithCancellation(cts.Token));
            await Task.Delay(100);
            Assert.False(checker.IsDone);
            cts.Cancel();
            await checker.JoinAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(CheckerStatus.Cancelled, checker.Status);
            Assert.Contains("cancelled", Assert.Throws<CheckerAssertionException>(checker.AssertProperties).Message);
        }
    }

    [Fact]
    public void Target_state_count_stops_where_a_single_thread_would()
    {
        var one = new Counter(Property<long>.Always("true", _ => true)).Checker().TargetStateCount(1_000).SpawnBfs().Join();
        var two = new Counter(Property<long>.Always("true", _ => true)).Checker().Threads(2).TargetStateCount(1_000).SpawnBfs().Join();
        Assert.Equal(CheckerStatus.TargetStateCountReached, one.Status);
        Assert.InRange(one.StateCount, 1_000, 1_001);
        Assert.Equal(one.StateCount, two.StateCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Finish_when_any_stops_at_the_end_of_the_block_like_the_rust_checker(int threads)
    {
        // The Rust checker tests the finish condition between blocks of 1,500 states (or right after
        // a state that hits every property); we stop at the same point, for every thread count.
        var model = new Counter(Property<long>.Sometimes("ten", s => s == 10), Property<long>.Sometimes("huge", s => s == 1_000_000_000));
        var checker = model.Checker().Threads(threads).FinishWhen(HasDiscoveries.Any).SpawnBfs().Join();
        Assert.Equal(CheckerStatus.FinishedByDiscoveries, checker.Status);
        Assert.Equal(["ten"], checker.Discoveries.Keys);
        Assert.False(checker.IsComplete);
        var reference = model.Checker().FinishWhen(HasDiscoveries.Any).SpawnBfs().Join();
        Assert.Equal(reference.UniqueStateCount, checker.UniqueStateCount);
        Assert.Equal(reference.StateCount, checker.StateCount);
        Assert.Equal(1_500 * 2 + 1, checker.StateCount); // 1,500 states expanded, two successors each, plus the initial state
    }
}
