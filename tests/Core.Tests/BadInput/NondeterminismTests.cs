namespace Stateright.Tests.BadInput;

/// <summary>
/// Issue 28, item 2: a model that is not a function of its input never yields a counterexample that is
/// not one. The first states' steps are taken twice and compared, and every discovery is replayed and
/// checked against what the search found.
/// </summary>
public class NondeterminismTests
{
    public static TheoryData<string, int> Engines => new() { { "bfs", 1 }, { "bfs", 2 }, { "dfs", 1 }, { "dfs", 2 }, { "simulation", 1 }, { "simulation", 2 } };

    private static Checker<TState, TAction> Spawn<TState, TAction>(CheckerBuilder<TState, TAction> builder, string engine) => engine switch
    {
        "bfs" => builder.SpawnBfs(),
        "dfs" => builder.SpawnDfs(),
        _ => builder.TargetStateCount(2_000).SpawnSimulation(3),
    };

    /// <summary>A counter whose step size comes from a counter shared by every call: 1, 2, 1, 2, …</summary>
    private sealed class DrawingNextState : Model<int, string>
    {
        private int _calls;
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<string> actions) { if (state < 40) actions.Add("step"); }
        public override int NextState(int state, string action) => state + 1 + (Interlocked.Increment(ref _calls) % 2);
        protected override IEnumerable<Property<int>> DefineProperties() => [Property<int>.Always("never 25", s => s != 25)];
    }

    /// <summary>Enables one action, then two, then one, … for the same state.</summary>
    private sealed class DrawingActions : Model<int, int>
    {
        private int _calls;
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions)
        {
            if (state >= 40) return;
            actions.Add(1);
            if (Interlocked.Increment(ref _calls) % 2 == 0) actions.Add(2);
        }
        public override int NextState(int state, int action) => state + action;
        protected override IEnumerable<Property<int>> DefineProperties() => [Property<int>.Always("never 25", s => s != 25)];
    }

    private sealed class DrawingInitStates : Model<int, int>
    {
        private int _calls;
        public override IEnumerable<int> InitStates() => [Interlocked.Increment(ref _calls)];
        public override void Actions(int state, List<int> actions) { if (state < 40) actions.Add(1); }
        public override int NextState(int state, int action) => state + action;
        protected override IEnumerable<Property<int>> DefineProperties() => [Property<int>.Always("never 25", s => s != 25)];
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_NextState_that_draws_from_a_shared_counter_is_reported_as_not_deterministic(string engine, int threads)
    {
        var checker = Spawn(new DrawingNextState().Checker().Threads(threads), engine);
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        var inner = Assert.IsType<NondeterministicModelException>(e.InnerException);
        Assert.Contains("NextState for step (action #0) gave two different states for the same state on two calls", inner.Message);
        Assert.StartsWith("The model is not deterministic", e.Message);
        AssertNoVerdict(checker);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Actions_that_vary_between_calls_are_reported_as_not_deterministic(string engine, int threads)
    {
        var checker = Spawn(new DrawingActions().Checker().Threads(threads), engine);
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        var inner = Assert.IsType<NondeterministicModelException>(e.InnerException);
        Assert.Matches(@"Actions listed \d, then \d actions for the same state", inner.Message);
        AssertNoVerdict(checker);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void InitStates_that_vary_between_calls_are_reported_as_not_deterministic(string engine, int threads)
    {
        var checker = Spawn(new DrawingInitStates().Checker().Threads(threads), engine);
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.Contains("InitStates() returned different initial states on two calls", Assert.IsType<NondeterministicModelException>(e.InnerException).Message);
        AssertNoVerdict(checker);
    }

    /// <summary>
    /// Deterministic while the search expands its first states (so the cheap check passes), then
    /// steps by 2 instead of 1 from the moment its property first sees 25: the search's path to 25 no
    /// longer replays to 25.
    /// </summary>
    private sealed class ChangesAfterTheDiscovery : Model<int, string>
    {
        private volatile bool _shifted;
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<string> actions) { if (state < 30) actions.Add("inc"); }
        public override int NextState(int state, string action) => state + (_shifted ? 2 : 1);
        protected override IEnumerable<Property<int>> DefineProperties() =>
            [Property<int>.Always("never 25", s => { if (s == 25) _shifted = true; return s != 25; })];
    }

    [Theory]
    [InlineData("bfs", 1)]
    [InlineData("bfs", 2)]
    [InlineData("dfs", 1)]
    [InlineData("dfs", 2)] // a parallel DFS that stops early is re-run on one thread: what it found is replayed first
    public void A_counterexample_that_does_not_replay_to_the_state_found_is_not_reported(string engine, int threads)
    {
        var checker = Spawn(new ChangesAfterTheDiscovery().Checker().Threads(threads), engine);
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        var inner = Assert.IsType<NondeterministicModelException>(e.InnerException);
        // The replay runs 0 → 2 → … → 26: the search stopped at 25 (its only property was discovered) and never visited 26.
        Assert.Contains("the counterexample found for property \"never 25\" (Always) at index path 0/0/0", inner.Message);
        Assert.Contains("At step 13 (action #0, inc): the replay reached a state the search never visited", inner.Message);
        Assert.Equal(13, inner.Step);
        AssertNoVerdict(checker);
    }

    [Fact]
    public void A_simulation_counterexample_that_does_not_replay_to_the_state_found_is_not_reported()
    {
        var checker = new ChangesAfterTheDiscovery().Checker().TargetStateCount(100).SpawnSimulation(1);
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        var inner = Assert.IsType<NondeterministicModelException>(e.InnerException);
        // Simulation keeps no visited set: the replay goes on until it runs past the end of the chain (0 → 2 → … → 30).
        Assert.Contains("At step 16 (action #0): 0 actions are enabled, and the search took action #0", inner.Message);
        AssertNoVerdict(checker);
    }

    /// <summary>
    /// A chain 0 → 1 → … → 30 whose second property is never discovered, so the search visits every
    /// state. From the moment "never 25" first sees 25, the step from 24 leads to 26 instead: the path
    /// the search found replays through visited states only, and ends in a state other than the one found.
    /// </summary>
    private sealed class SkipsTheFoundState : Model<int, string>
    {
        private volatile bool _shifted;
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<string> actions) { if (state < 30) actions.Add("inc"); }
        public override int NextState(int state, string action) => state + (_shifted && state == 24 ? 2 : 1);
        protected override IEnumerable<Property<int>> DefineProperties() =>
        [
            Property<int>.Always("never 25", s => { if (s == 25) _shifted = true; return s != 25; }),
            Property<int>.Always("never negative", s => s >= 0),
        ];
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_replay_that_ends_in_a_visited_state_with_another_fingerprint_is_not_reported(string engine, int threads)
    {
        var builder = new SkipsTheFoundState().Checker().Threads(threads);
        var checker = engine == "simulation" ? builder.TargetStateCount(200).SpawnSimulation(5) : Spawn(builder, engine);
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        var inner = Assert.IsType<NondeterministicModelException>(e.InnerException);
        Assert.StartsWith("The model is not deterministic", e.Message);
        Assert.Contains("the counterexample found for property \"never 25\" (Always) at index path 0/0/0", inner.Message);
        Assert.Matches(@"At step 25 \(action #0, inc\): the path ends in a state with fingerprint [0-9a-f]{16}, but the search found fingerprint [0-9a-f]{16}", inner.Message);
        Assert.Equal(25, inner.Step);
        AssertNoVerdict(checker);
    }

    /// <summary>Properties that are not functions of the state: each gives its one verdict the first time it meets its state, the other one after.</summary>
    private sealed class FlakyLiveness(Expectation expectation) : Model<int, int>
    {
        private int _seen;
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) { if (state < 10) actions.Add(1); }
        public override int NextState(int state, int action) => state + action;
        protected override IEnumerable<Property<int>> DefineProperties() =>
        [
            expectation == Expectation.Sometimes
                ? Property<int>.Sometimes("five, once", s => s == 5 && Interlocked.Increment(ref _seen) == 1) // satisfied only the first time
                : Property<int>.Eventually("ten, later", s => s == 10 && Interlocked.Increment(ref _seen) > 1), // never holds the first time
        ];
    }

    [Theory]
    [InlineData("bfs", Expectation.Sometimes, "property \"five, once\" does not hold in the state the path ends in, though the search found it satisfied there")]
    [InlineData("dfs", Expectation.Sometimes, "property \"five, once\" does not hold in the state the path ends in, though the search found it satisfied there")]
    [InlineData("bfs", Expectation.Eventually, "property \"ten, later\" holds at step 10 of the path, though the search found a behaviour on which it never holds")]
    [InlineData("dfs", Expectation.Eventually, "property \"ten, later\" holds at step 10 of the path, though the search found a behaviour on which it never holds")]
    public void A_Sometimes_or_Eventually_property_that_is_not_a_function_of_the_state_gives_no_discovery(string engine, Expectation expectation, string reason)
    {
        var checker = Spawn(new FlakyLiveness(expectation).Checker(), engine);
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        var inner = Assert.IsType<NondeterministicModelException>(e.InnerException);
        Assert.StartsWith("The model is not deterministic", inner.Message);
        Assert.Contains(reason, inner.Message);
        AssertNoVerdict(checker);
    }

    /// <summary>A property that is not a function of the state: false the first time it sees 5, true after.</summary>
    private sealed class FlakyProperty : Model<int, int>
    {
        private int _seen;
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) { if (state < 10) actions.Add(1); }
        public override int NextState(int state, int action) => state + action;
        protected override IEnumerable<Property<int>> DefineProperties() =>
            [Property<int>.Always("first five", s => s != 5 || Interlocked.Increment(ref _seen) > 1)];
    }

    [Theory]
    [InlineData("bfs")]
    [InlineData("dfs")]
    public void A_property_that_is_not_a_function_of_the_state_gives_no_counterexample(string engine)
    {
        var checker = Spawn(new FlakyProperty().Checker(), engine);
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.Contains("property \"first five\" holds in the state the path ends in, though the search found it violated there",
            Assert.IsType<NondeterministicModelException>(e.InnerException).Message);
        AssertNoVerdict(checker);
    }

    [Fact]
    public void A_deterministic_model_still_reports_its_counterexample()
    {
        var checker = new CountTo30().Checker().SpawnBfs().Join();
        Assert.Equal("0/0/0/0/0/0", checker.Discovery("never 5")!.Encode());
    }

    private sealed class CountTo30 : Model<int, int>
    {
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) { if (state < 30) actions.Add(1); }
        public override int NextState(int state, int action) => state + action;
        protected override IEnumerable<Property<int>> DefineProperties() => [Property<int>.Always("never 5", s => s != 5)];
    }

    private static void AssertNoVerdict<TState, TAction>(Checker<TState, TAction> checker)
    {
        Assert.Equal(CheckerStatus.Faulted, checker.Status);
        Assert.Empty(checker.Discoveries); // never a counterexample that is not one
        Assert.Contains("could not be checked", Assert.Throws<CheckerAssertionException>(checker.AssertProperties).Message);
    }
}
