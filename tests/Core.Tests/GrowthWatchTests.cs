namespace Stateright.Tests;

/// <summary>Issue 31, item 7: a run that looks unbounded gets a hint on its progress lines.</summary>
public class GrowthWatchTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void A_depth_past_100_that_keeps_growing_with_new_states_is_flagged_after_the_window()
    {
        var watch = new GrowthWatch();
        Assert.Null(watch.Observe(S(1), 1_000, 60));
        Assert.Null(watch.Observe(S(6), 50_000, 150)); // not a window yet
        var warning = watch.Observe(S(12), 120_000, 260);
        Assert.NotNull(warning);
        Assert.Contains("the depth keeps growing (60 → 260 in the last 11 s)", warning);
        Assert.Contains("the state space may be unbounded", warning);
        Assert.Contains("WithinBoundary, TargetMaxDepth or TargetStateCount", warning);
    }

    [Theory]
    [InlineData(1_000, 60, 2_000_000, 90)]       // growing, but at a depth bounded models reach
    [InlineData(1_000, 300, 2_000_000, 310)]     // deep, but the depth has levelled off
    [InlineData(1_000_000, 200, 1_005_000, 400)] // deeper, but hardly any new state: levelling off
    public void Bounded_looking_runs_are_not_flagged(long unique0, int depth0, long unique1, int depth1)
    {
        var watch = new GrowthWatch();
        Assert.Null(watch.Observe(S(0), unique0, depth0));
        Assert.Null(watch.Observe(S(20), unique1, depth1));
    }

    [Fact]
    public void Growth_is_measured_over_the_last_window_only()
    {
        var watch = new GrowthWatch();
        watch.Observe(S(0), 1_000, 10);
        watch.Observe(S(10), 100_000, 400); // grew fast early on…
        Assert.NotNull(watch.Observe(S(12), 110_000, 420));
        Assert.Null(watch.Observe(S(30), 200_000, 430)); // …then levelled off: the last 10 s show no growth
    }

    [Fact]
    public void A_finished_checker_has_no_warning()
    {
        var checker = new TestModels.CountUpTo(500).Checker().SpawnBfs().Join();
        Assert.Null(checker.GrowthWarning);
    }
}
