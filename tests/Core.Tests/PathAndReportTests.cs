using Stateright.Tests.TestModels;
using static Stateright.Tests.TestModels.LinearEquation;

namespace Stateright.Tests;

public class PathAndReportTests
{
    [Fact]
    public void Builds_paths_from_indices_and_actions()
    {
        var model = new LinearEquation(2, 10, 14);
        var path = Path<Solution, Guess>.FromIndices(model, [0, 0, 0, 1]);
        Assert.Equal(new Solution(2, 1), path.LastState);
        Assert.Equal("0/0/0/1", path.Encode());
        Assert.Equal([Guess.IncreaseX, Guess.IncreaseX, Guess.IncreaseY], path.Actions);
        Assert.Equal(4, path.States.Count);

        var fromActions = Path<Solution, Guess>.FromActions(model, new Solution(0, 0), [Guess.IncreaseX, Guess.IncreaseX, Guess.IncreaseY])!;
        Assert.Equal("0/0/0/1", fromActions.Encode());
        Assert.Null(Path<Solution, Guess>.FromActions(model, new Solution(9, 9), []));
    }

    [Fact]
    public void Bad_indices_explain_nondeterminism()
    {
        var e = Assert.Throws<PathReconstructionException>(() => Path<Solution, Guess>.FromIndices(new LinearEquation(2, 10, 14), [0, 5]));
        Assert.Contains("only 2 actions are enabled", e.Message);
        Assert.Contains("HashSet<string>", e.Message);
    }

    [Fact]
    public void Report_matches_the_rust_library_for_bfs()
    {
        var output = new StringWriter();
        new LinearEquation(2, 10, 14).Checker().SpawnBfs().Report(output);
        var text = output.ToString();
        Assert.Contains("Done. states=15, unique=12, depth=4, sec=", text);
        Assert.EndsWith("Discovered \"solvable\" example Path[3]:\n- IncreaseX\n- IncreaseX\n- IncreaseY\nAction index path: 0/0/0/1\n", text);
    }

    [Fact]
    public void Report_matches_the_rust_library_for_dfs()
    {
        var output = new StringWriter();
        new LinearEquation(2, 10, 14).Checker().SpawnDfs().Report(output);
        var text = output.ToString();
        Assert.Contains("Done. states=55, unique=55, depth=28, sec=", text);
        Assert.EndsWith(
            "Discovered \"solvable\" example Path[27]:\n" + string.Concat(Enumerable.Repeat("- IncreaseY\n", 27)) +
            "Action index path: 0" + string.Concat(Enumerable.Repeat("/1", 27)) + "\n", text);
    }

    [Fact]
    public void Report_prints_progress_while_checking_and_says_when_incomplete()
    {
        var output = new StringWriter();
        new Counter(Property<long>.Always("true", _ => true)).Checker().Timeout(TimeSpan.FromMilliseconds(300)).SpawnBfs()
            .Report(output, TimeSpan.FromMilliseconds(50));
        var text = output.ToString();
        Assert.StartsWith("Checking. states=", text);
        Assert.Contains("Done. states=", text);
        Assert.Contains("Incomplete: it timed out after", text);
    }

    [Fact]
    public void RewritePlan_sorts_stably_and_reindexes()
    {
        var plan = RewritePlan.FromValuesToSort(['B', 'D', 'C', 'A']);
        Assert.Equal("ABCD", string.Concat(plan.Reindex(['B', 'D', 'C', 'A'])));
        Assert.Equal([0, 1, 2, 3], plan.Reindex([1, 3, 2, 0]).ToArray());
        Assert.Equal(1, plan.Rewrite(0));
        var ties = RewritePlan.FromValuesToSort([1, 0, 1, 0]);
        Assert.Equal(["b", "d", "a", "c"], ties.Reindex(["a", "b", "c", "d"]).ToArray());
    }
}
