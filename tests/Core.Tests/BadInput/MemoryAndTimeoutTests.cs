using Stateright.Tests.TestModels;

namespace Stateright.Tests.BadInput;

/// <summary>Findings 5 and 6: unbounded models end with the checker's own memory message; timeouts out of range are refused with a message.</summary>
public class MemoryAndTimeoutTests
{
    /// <summary>Counts forever, and at depth 50,000 the runtime reports it is out of memory (as a huge search would).</summary>
    private sealed class RunsOutOfMemory : Model<long, int>
    {
        public override IEnumerable<long> InitStates() => [0];
        public override void Actions(long state, List<int> actions) => actions.Add(1);
        public override bool TryNextState(long state, int action, out long next)
        {
            if (state == 50_000) throw new OutOfMemoryException();
            next = state + action;
            return true;
        }
        public override long NextState(long state, int action) => throw new NotSupportedException();
        protected override IEnumerable<Property<long>> DefineProperties() => [Property<long>.Always("finite", _ => true)];
    }

    [Theory]
    [InlineData("bfs")]
    [InlineData("dfs")]
    public void Out_of_memory_is_reported_as_the_checkers_with_advice_and_a_short_message(string engine)
    {
        var builder = new RunsOutOfMemory().Checker();
        var checker = engine == "bfs" ? builder.SpawnBfs() : builder.SpawnDfs();
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.StartsWith("The checker ran out of memory after 50,001 unique states", e.Message);
        Assert.Contains("not a fault in the model's code", e.Message);
        Assert.Contains("WithinBoundary, TargetMaxDepth", e.Message);
        Assert.Contains("MemoryBudget", e.Message);
        Assert.True(e.Message.Length < 1000, $"the message is {e.Message.Length} characters long");
        Assert.IsType<OutOfMemoryException>(e.InnerException);
    }

    [Theory]
    [InlineData("bfs")]
    [InlineData("dfs")]
    [InlineData("simulation")]
    public void A_memory_budget_stops_an_unbounded_model_with_a_clear_message(string engine)
    {
        var builder = new Counter(Property<long>.Always("finite", _ => true)).Checker().MemoryBudget(1);
        var checker = engine switch { "bfs" => builder.SpawnBfs(), "dfs" => builder.SpawnDfs(), _ => builder.TargetMaxDepth(10).SpawnSimulation(1) };
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.Equal(CheckerStatus.Faulted, checker.Status);
        Assert.StartsWith("The checker exceeded its memory budget of 0 MB after", e.Message);
        Assert.Contains("Bound it", e.Message);
        Assert.IsType<InsufficientMemoryException>(e.InnerException);
        Assert.False(checker.IsComplete);
    }

    [Fact]
    public void A_fault_deep_in_a_long_path_shows_only_its_last_steps()
    {
        var e = Assert.Throws<ModelCheckingException>(() => new Panicker50k().Checker().SpawnDfs().Join());
        Assert.Contains("… 49960 earlier steps, then:", e.Message);
        Assert.True(e.Message.Length < 5000, $"the message is {e.Message.Length} characters long");
    }

    private sealed class Panicker50k : Model<int, int>
    {
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) => actions.Add(1);
        public override bool TryNextState(int state, int action, out int next)
        {
            if (state == 50_000) throw new InvalidOperationException("deep failure");
            next = state + action;
            return true;
        }
        public override int NextState(int state, int action) => throw new NotSupportedException();
    }

    public static TheoryData<TimeSpan, string> BadTimeouts => new()
    {
        { TimeSpan.MaxValue, "not TimeSpan.MaxValue" },
        { TimeSpan.FromDays(60), "not 60 days" },
        { TimeSpan.FromSeconds(1e7), "not 115.7 days" },
        { TimeSpan.FromTicks(1), "not 0.0001 ms" },
        { TimeSpan.Zero, "not 0 ms" },
        { TimeSpan.FromSeconds(-1), "not -1000 ms" },
    };

    [Theory]
    [MemberData(nameof(BadTimeouts))]
    public void Timeouts_out_of_range_are_refused_at_the_builder_with_a_message(TimeSpan timeout, string says)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Counter().Checker().Timeout(timeout));
        Assert.Contains("timeout must be between 1 ms and 49.7 days", e.Message);
        Assert.Contains(says, e.Message);
    }

    [Theory]
    [InlineData(1e-9, "not 1E-09 seconds")]
    [InlineData(double.PositiveInfinity, "not Infinity seconds")]
    [InlineData(double.NaN, "not NaN seconds")]
    [InlineData(1e7, "not 10000000 seconds")]
    [InlineData(-1, "not -1 seconds")]
    public void Timeouts_in_seconds_out_of_range_have_the_same_message_for_front_ends(double seconds, string says)
    {
        var problem = CheckerTimeout.ProblemWithSeconds(seconds);
        Assert.NotNull(problem);
        Assert.Contains("timeout must be between 1 ms and 49.7 days", problem);
        Assert.Contains(says, problem);
        Assert.Null(CheckerTimeout.ProblemWithSeconds(0));
        Assert.Null(CheckerTimeout.ProblemWithSeconds(1));
    }

    [Fact]
    public void The_longest_timeout_and_an_infinite_one_are_accepted()
    {
        var checker = new Counter(Property<long>.Always("finite", _ => true)).Checker()
            .Timeout(CheckerBuilder<long, int>.MaxTimeout).TargetStateCount(100).SpawnBfs().Join();
        Assert.Equal(CheckerStatus.TargetStateCountReached, checker.Status);
        var infinite = new Counter(Property<long>.Always("finite", _ => true)).Checker()
            .Timeout(Timeout.InfiniteTimeSpan).TargetStateCount(100).SpawnBfs().Join();
        Assert.Equal(CheckerStatus.TargetStateCountReached, infinite.Status);
    }
}
