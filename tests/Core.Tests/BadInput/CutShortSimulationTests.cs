using Stateright.Tests.TestModels;

namespace Stateright.Tests.BadInput;

/// <summary>Finding 2: a simulation stopped by a timeout or cancellation invents no liveness counterexample and is never complete.</summary>
public class CutShortSimulationTests
{
    /// <summary>Counts to a billion and stops: "eventually reaches the end" holds on every behaviour, but no walk gets there soon.</summary>
    private sealed class LongCount : Model<int, int>
    {
        public const int End = 1_000_000_000;
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) { if (state < End) actions.Add(1); }
        public override bool TryNextState(int state, int action, out int next) { next = state + action; return true; }
        public override int NextState(int state, int action) => throw new NotSupportedException();
        protected override IEnumerable<Property<int>> DefineProperties() =>
        [
            Property<int>.Eventually("reaches the end", s => s == End),
            Property<int>.Always("never negative", s => s >= 0),
        ];
    }

    [Fact]
    public void Cancellation_mid_walk_records_no_eventually_counterexample()
    {
        using var cancel = new CancellationTokenSource();
        var visited = 0;
        var checker = new LongCount().Checker()
            .WithCancellation(cancel.Token)
            .Visitor(_ => { if (++visited == 2000) cancel.Cancel(); })
            .SpawnSimulation(7)
            .Join();
        Assert.Equal(CheckerStatus.Cancelled, checker.Status);
        Assert.Empty(checker.Discoveries);
        Assert.False(checker.IsComplete);
        var message = Assert.Throws<CheckerAssertionException>(checker.AssertProperties).Message;
        Assert.Contains("incomplete: it was cancelled", message);
        Assert.DoesNotContain("Unexpected", message);
    }

    [Fact]
    public void A_timeout_mid_walk_records_no_eventually_counterexample()
    {
        var checker = new LongCount().Checker().Timeout(TimeSpan.FromMilliseconds(200)).SpawnSimulation(7).Join();
        Assert.Equal(CheckerStatus.TimedOut, checker.Status);
        Assert.Null(checker.Discovery("reaches the end"));
        Assert.False(checker.IsComplete);
    }

    [Fact]
    public void A_timed_out_run_is_not_complete_even_when_every_property_has_a_discovery()
    {
        // The only property is discovered at once; the finish condition (no Always or Eventually
        // property to fail) never holds, so the timeout stops the run.
        var checker = new Counter(Property<long>.Sometimes("positive", s => s > 0)).Checker()
            .FinishWhen(HasDiscoveries.AllFailures) // no Always/Eventually property: never holds
            .Timeout(TimeSpan.FromMilliseconds(200))
            .SpawnSimulation(1)
            .Join();
        Assert.Equal(CheckerStatus.TimedOut, checker.Status);
        Assert.NotNull(checker.Discovery("positive"));
        Assert.False(checker.IsComplete);
    }
}
