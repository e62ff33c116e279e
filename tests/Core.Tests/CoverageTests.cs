using Stateright.Actors;
using Stateright.Tests.Actors;

namespace Stateright.Tests;

/// <summary>Issue 31: coverage, as TLC reports it — the kinds of action never enabled, and those never taken.</summary>
public class CoverageTests
{
    public enum Op { Inc, Dec, Reset }

    /// <summary>Counts up to 3; Dec is enabled but changes nothing, Reset is never enabled.</summary>
    private sealed class Counter : Model<int, Op>
    {
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<Op> actions) { if (state < 3) actions.Add(Op.Inc); actions.Add(Op.Dec); }
        public override bool TryNextState(int state, Op action, out int next)
        {
            next = action == Op.Inc ? state + 1 : state;
            return action == Op.Inc;
        }
        public override int NextState(int state, Op action) => throw new NotSupportedException();
        protected override IEnumerable<Property<int>> DefineProperties() => [Property<int>.Always("small", s => s < 10)];
    }

    [Theory]
    [InlineData("bfs", 1)]
    [InlineData("bfs", 2)]
    [InlineData("dfs", 1)]
    [InlineData("dfs", 2)]
    public void An_enum_model_reports_the_kinds_never_enabled_and_never_taken(string engine, int threads)
    {
        var builder = new Counter().Checker().Threads(threads).Coverage();
        var checker = (engine == "bfs" ? builder.SpawnBfs() : builder.SpawnDfs()).Join();
        var coverage = checker.Coverage!;
        Assert.Equal(["Inc", "Dec", "Reset"], coverage.Kinds);
        Assert.Equal(["Reset"], coverage.NeverEnabled);
        Assert.Equal(["Dec"], coverage.NeverTaken);
        Assert.True(coverage.Complete);
        Assert.Equal("Coverage: 1 of 3 action kinds taken; never enabled: Reset; enabled but never taken (each changed nothing): Dec.", coverage.Describe());
    }

    [Fact]
    public void Coverage_is_off_unless_asked_for_and_simulation_does_not_record_it()
    {
        Assert.Null(new Counter().Checker().SpawnBfs().Join().Coverage);
        Assert.Null(new Counter().Checker().Coverage().TargetStateCount(20).SpawnSimulation(1).Join().Coverage);
    }

    [Fact]
    public void A_stopped_run_says_its_coverage_is_partial()
    {
        var coverage = new Counter().Checker().Coverage().TargetMaxDepth(2).SpawnBfs().Join().Coverage!;
        Assert.False(coverage.Complete);
        Assert.EndsWith("(the run was incomplete: a kind may be enabled in a state it did not reach).", coverage.Describe());
    }

    [Fact]
    public void The_report_prints_the_coverage()
    {
        var writer = new StringWriter();
        new Counter().Checker().Coverage().SpawnBfs().Report(writer);
        Assert.Contains("Coverage: 1 of 3 action kinds taken; never enabled: Reset;", writer.ToString());
    }

    [Fact]
    public void An_actor_model_reports_deliveries_by_receiving_actor_and_message_type()
    {
        var checker = PingPong.Model(maxNat: 2).Checker().Coverage().SpawnBfs().Join();
        var coverage = checker.Coverage!;
        Assert.Equal(["Id(0) ← Ping", "Id(0) ← Pong", "Id(1) ← Ping", "Id(1) ← Pong"], coverage.Kinds);
        Assert.Equal(["Id(0) ← Ping", "Id(1) ← Pong"], coverage.NeverEnabled); // Id(0) only pings, Id(1) only pongs
        Assert.Empty(coverage.NeverTaken);
    }
}
