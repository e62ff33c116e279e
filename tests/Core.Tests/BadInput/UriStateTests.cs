namespace Stateright.Tests.BadInput;

/// <summary>Issue 28: a state holding a <see cref="Uri"/> whose property reads its host is not "changed in place".</summary>
public class UriStateTests
{
    public sealed record Page(Uri Url, int Visits);

    /// <summary>Visits a page up to three times; the initial URLs are equal by Uri.Equals in pairs.</summary>
    private sealed class Browsing : Model<Page, int>
    {
        public override IEnumerable<Page> InitStates() =>
        [
            new(new Uri("http://example.org/a"), 0),
            new(new Uri("http://example.org/a#intro"), 0),
            new(new Uri("http://example.org/b"), 0),
            new(new Uri("http://guest@EXAMPLE.org/b"), 0),
        ];
        public override void Actions(Page state, List<int> actions) { if (state.Visits < 3) actions.Add(1); }
        public override Page NextState(Page state, int action) => state with { Visits = state.Visits + action };
        protected override IEnumerable<Property<Page>> DefineProperties() =>
        [
            Property<Page>.Always("stays on example.org", s => s.Url.Host == "example.org"),
            Property<Page>.Sometimes("reads the b page", s => s.Url.AbsolutePath == "/b" && s.Visits == 3),
        ];
    }

    [Theory]
    [InlineData("bfs", 1)]
    [InlineData("bfs", 2)]
    [InlineData("dfs", 1)]
    public void A_property_that_reads_the_host_does_not_fault_and_equal_urls_are_one_state(string engine, int threads)
    {
        var builder = new Browsing().Checker().Threads(threads).DetectInPlaceMutation();
        var checker = (engine == "bfs" ? builder.SpawnBfs() : builder.SpawnDfs()).Join();
        Assert.Equal(CheckerStatus.Exhausted, checker.Status);
        checker.AssertProperties();
        Assert.Equal(2 * 4, checker.UniqueStateCount); // two URLs by Equals, four visit counts each
    }
}
