using Stateright.Tests.TestModels;

namespace Stateright.Tests.Liveness;

/// <summary>Counterexamples to <c>Eventually</c> properties on cycles: found, shaped as lassos, and shown as such.</summary>
public class LassoTests
{
    private static Property<int> EventuallyOdd() => Property<int>.Eventually("odd", s => s % 2 == 1);

    [Fact]
    public void A_self_loop_is_a_lasso_of_one_step()
    {
        var path = new DGraph(EventuallyOdd()).WithPath(0, 2, 2).Check().Discovery("odd")!;
        Assert.Equal([0, 2, 2], path.States);
        Assert.Equal(1, path.CycleStart);
    }

    [Fact]
    public void A_two_state_cycle_repeats_both_states()
    {
        var path = new DGraph(EventuallyOdd()).WithPath(0, 2, 4, 2).WithPath(0, 1).Check().Discovery("odd")!;
        Assert.Equal([0, 2, 4, 2], path.States);
        Assert.Equal(1, path.CycleStart);
    }

    [Fact]
    public void A_cycle_reachable_only_after_a_diamond_is_found()
    {
        // 0 → 2 → 6 and 0 → 4 → 6 join at 6; the cycle 6 → 8 → 6 is behind the join. Both 2 and 4
        // have an odd exit, so no behaviour ends without passing the join or meeting the condition.
        var model = new DGraph(EventuallyOdd()).WithPath(0, 2, 6, 8, 6).WithPath(0, 4, 6).WithPath(0, 2, 1).WithPath(0, 4, 3);
        var checker = model.Check();
        var path = checker.Discovery("odd")!;
        Assert.Equal([0, 2, 6, 8, 6], path.States);
        Assert.Equal(2, path.CycleStart);
        Assert.Equal(VerdictKind.Violated, checker.VerdictOf("odd"));
    }

    [Fact]
    public void A_property_met_on_every_path_holds_even_with_cycles()
    {
        // Every cycle passes through an odd state, and every path reaches one.
        var checker = new DGraph(EventuallyOdd()).WithPath(0, 1, 2, 0).WithPath(0, 3).Check();
        Assert.Null(checker.Discovery("odd"));
        Assert.Equal(VerdictKind.Holds, checker.VerdictOf("odd"));
        checker.AssertProperties();
    }

    [Fact]
    public void An_unfair_cycle_is_ignored_under_fairness_and_reported_without_it()
    {
        // 0 spins on itself while "go" to the goal stays enabled: weak fairness forces "go" eventually.
        LabeledGraph Model() => new LabeledGraph([0], [1]).With(0, 0, "spin").With(0, 1, "go");
        var fair = Model().Checker().SpawnBfs().Join();
        Assert.Equal(VerdictKind.Holds, fair.VerdictOf("goal"));
        var unfair = Model().Checker().Fairness((_, _) => null, "without fairness").SpawnBfs().Join();
        var path = unfair.Discovery("goal")!;
        Assert.Equal([0, 0], path.States);
        Assert.Equal(0, path.CycleStart);
    }

    [Fact]
    public void A_class_disabled_somewhere_on_the_cycle_does_not_need_to_be_taken()
    {
        // "go" is enabled only in 0; the cycle 0 → 2 → 0 passes through 2, where it is disabled.
        var checker = new LabeledGraph([0], [1]).With(0, 2, "a").With(2, 0, "a").With(0, 1, "go").Checker().SpawnBfs().Join();
        var path = checker.Discovery("goal")!;
        Assert.Equal([0, 2, 0], path.States);
        Assert.Equal(0, path.CycleStart);
    }

    [Fact]
    public void The_reported_cycle_takes_a_witness_for_every_class_that_stays_enabled()
    {
        // "y" is enabled in every state of {0, 2, 4}; the shortest cycle 0 → 2 → 0 (by "x") never takes it.
        var model = new LabeledGraph([0], [9]).With(0, 2, "x").With(0, 4, "y").With(2, 0, "x").With(2, 4, "y").With(4, 0, "y")
            .With(0, 9, "exit").With(2, 9, "exit").With(4, 9, "exit");
        // "exit" is enabled in every state of the cycle and never taken inside it: fair cycles only exist without it.
        Assert.Null(model.Checker().SpawnBfs().Join().Discovery("goal"));
        var path = model.Checker().Fairness((_, e) => e.Fair == "exit" ? null : e.Fair).SpawnBfs().Join().Discovery("goal")!;
        Assert.Contains(path.Actions.Skip(path.CycleStart!.Value), e => e.Fair == "y");
        Assert.Contains(path.Actions.Skip(path.CycleStart!.Value), e => e.Fair == "x");
        Assert.Equal(path.States[path.CycleStart!.Value], path.LastState);
    }

    [Fact]
    public void The_trace_marks_the_cycle_and_round_trips_through_a_trace_file()
    {
        var model = new DGraph(EventuallyOdd()).WithPath(0, 2, 4, 2);
        var checker = model.Check();
        var trace = TraceText.Discovery(model, model.Property("odd"), checker.Discovery("odd")!);
        Assert.Equal(
            "Property \"odd\" (Eventually): counterexample in 3 steps:\n" +
            "  1. 2\n" +
            "  — the cycle repeats from here (steps 2–3 forever) —\n" +
            "  2. 4\n" +
            "  3. 2\n" +
            "Last state: 2\n" +
            "Cycle starts after step: 1 (the last state is the state after step 1: steps 2–3 repeat forever, and the condition never holds)\n" +
            "Index path: 0/0/0/0\n",
            trace);
        var file = System.IO.Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, trace);
            var path = Path<int, int>.FromTraceFile(model, file);
            Assert.Equal(1, path.CycleStart);
            Assert.Equal([0, 2, 4, 2], path.States);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void A_terminating_counterexample_says_the_behaviour_ends()
    {
        var model = new DGraph(EventuallyOdd()).WithPath(0, 2);
        var trace = TraceText.Discovery(model, model.Property("odd"), model.Check().Discovery("odd")!);
        Assert.Contains("The behaviour ends here", trace);
        Assert.DoesNotContain("Cycle", trace);
    }

    [Fact]
    public void Verdicts_say_which_behaviours_were_checked()
    {
        var all = new DGraph(EventuallyOdd()).WithPath(0, 1).Check();
        Assert.Contains("holds on all behaviours, without fairness", all.VerdictMessage(all.Model.Property("odd")));
        var terminating = new DGraph(EventuallyOdd()).WithPath(0, 1).Checker().Liveness(LivenessSemantics.TerminatingBehaviours).SpawnBfs().Join();
        Assert.Contains("holds on terminating behaviours only", terminating.VerdictMessage(terminating.Model.Property("odd")));
        var violated = new DGraph(EventuallyOdd()).WithPath(0, 2, 0).Check();
        var error = Assert.Throws<CheckerAssertionException>(violated.AssertProperties);
        Assert.Contains("Eventually checked on all behaviours, without fairness", error.Message);
        var report = new StringWriter();
        violated.Report(report);
        Assert.Contains("Eventually properties checked on all behaviours, without fairness.", report.ToString());
        Assert.Contains("Cycle: steps 1–2 repeat forever.", report.ToString());
    }

    [Fact]
    public void Assert_discovery_accepts_a_fair_lasso_and_rejects_an_open_path()
    {
        var checker = new DGraph(EventuallyOdd()).WithPath(0, 2, 4, 2).Check();
        checker.AssertDiscovery("odd", [2, 4, 2]);
        var error = Assert.Throws<CheckerAssertionException>(() => checker.AssertDiscovery("odd", [2, 4]));
        Assert.Contains("neither ends in a terminal state nor ends by closing a weakly fair cycle", error.Message);
    }

    [Fact]
    public void A_depth_bound_reports_cycles_inside_it_and_leaves_the_rest_unknown()
    {
        var inside = new DGraph(EventuallyOdd()).WithPath(0, 2, 0).WithPath(0, 4, 6, 8, 10);
        var checker = inside.Checker().TargetMaxDepth(4).SpawnBfs().Join();
        Assert.Equal(CheckerStatus.TargetMaxDepthReached, checker.Status);
        Assert.Equal([0, 2, 0], checker.Discovery("odd")!.States);

        var beyond = new DGraph(EventuallyOdd()).WithPath(0, 2, 4, 6, 8, 6).WithPath(0, 1);
        var bounded = beyond.Checker().TargetMaxDepth(3).SpawnBfs().Join();
        Assert.Null(bounded.Discovery("odd"));
        Assert.Equal(VerdictKind.Incomplete, bounded.VerdictOf("odd"));
        Assert.Contains("model checking is bounded", bounded.VerdictMessage(bounded.Model.Property("odd")));
    }

    [Fact]
    public void Simulation_reports_a_fair_revisit_as_a_lasso_and_an_unfair_one_not_at_all()
    {
        var cycle = new DGraph(EventuallyOdd()).WithPath(0, 2, 4, 2).Checker().TargetStateCount(50).SpawnSimulation(3).Join();
        var path = cycle.Discovery("odd")!;
        Assert.Equal([0, 2, 4, 2], path.States);
        Assert.Equal(1, path.CycleStart);

        var unfair = new LabeledGraph([0], [1]).With(0, 0, "spin").With(0, 1, "go").Checker().TargetStateCount(200).SpawnSimulation(3).Join();
        Assert.Null(unfair.Discovery("goal"));
    }
}
