namespace Stateright.Tests.Engines;

/// <summary>
/// A parallel DFS finds discoveries in an order that depends on scheduling; its leader walks the
/// one-thread order alongside the search (and on alone after it) so that the reported paths are the
/// one-thread run's. These models make the workers find properties in other orders than that walk.
/// </summary>
public class DfsParallelPathTests
{
    /// <summary>
    /// A complete binary tree: state n has children 2n (action 0) and 2n + 1 (action 1) down to the
    /// leaves at <paramref name="height"/>. A one-thread DFS pops action 1 first, so it reaches the
    /// rightmost leaf first and the leftmost leaf last, while the workers given the oldest (leftmost)
    /// half of a stack reach the left leaves early.
    /// </summary>
    private sealed class BinaryTree(int height, params Property<long>[] properties) : Model<long, int>
    {
        public long FirstLeaf => 1L << height;
        public long LastLeaf => (1L << (height + 1)) - 1;
        public override IEnumerable<long> InitStates() => [1];
        public override void Actions(long state, List<int> actions) { if (state < FirstLeaf) actions.AddRange([0, 1]); }
        public override long NextState(long state, int action) => 2 * state + action;
        protected override IEnumerable<Property<long>> DefineProperties() => properties;
    }

    private const int Height = 16;
    private const long FirstLeaf = 1L << Height;

    private static BinaryTree Tree() => new(
        Height,
        Property<long>.Sometimes("rightmost leaf", s => s == 2 * FirstLeaf - 1), // first in the one-thread order
        Property<long>.Sometimes("leftmost leaf", s => s == FirstLeaf), // last in it
        Property<long>.Sometimes("a leaf ending 0110", s => s >= FirstLeaf && (s & 0b1111) == 0b0110), // many candidates: the first in order counts
        Property<long>.Always("no left-heavy inner state", s => s >= FirstLeaf || s % 7 != 3), // violated by many states
        Property<long>.Always("positive", s => s > 0)); // never violated: its absence must not hold up the paths

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Parallel_runs_report_the_one_thread_paths_whatever_order_the_workers_find_them(int threads)
    {
        var reference = Tree().Checker().SpawnDfs().Join();
        Assert.Equal(CheckerStatus.Exhausted, reference.Status);
        Assert.Equal(4, reference.Discoveries.Count);
        Assert.Equal(2 * FirstLeaf - 1, reference.UniqueStateCount);
        for (var run = 0; run < 5; run++)
        {
            var checker = Tree().Checker().Threads(threads).SpawnDfs().Join();
            Assert.Equal(CheckerStatus.Exhausted, checker.Status);
            Assert.Equal(reference.UniqueStateCount, checker.UniqueStateCount);
            Assert.Equal(reference.StateCount, checker.StateCount);
            Assert.Equal(
                reference.Discoveries.Select(d => $"{d.Key}: {d.Value.Encode()}").Order(),
                checker.Discoveries.Select(d => $"{d.Key}: {d.Value.Encode()}").Order());
        }
    }

    [Fact]
    public void The_one_thread_order_finds_the_leftmost_leaf_last()
    {
        // What the test above relies on: the walk that re-derives this path goes through the whole tree.
        var checker = Tree().Checker().SpawnDfs().Join();
        Assert.Equal(string.Join('/', Enumerable.Repeat(0, Height + 1)), checker.Discovery("leftmost leaf")!.Encode());
        Assert.Equal(string.Join('/', [0, .. Enumerable.Repeat(1, Height)]), checker.Discovery("rightmost leaf")!.Encode());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void A_parallel_run_with_discoveries_visits_each_state_once(int threads)
    {
        // The walk that re-derives paths neither visits nor counts states: the search does that once.
        var recorder = new StateRecorder<long, int>();
        var checker = Tree().Checker().Threads(threads).Visitor(recorder).SpawnDfs().Join();
        Assert.Equal(4, checker.Discoveries.Count);
        Assert.Equal(checker.UniqueStateCount, recorder.States.Count);
        Assert.Equal(recorder.States.Count, recorder.States.Distinct().Count());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void A_depth_limit_in_a_parallel_run_checks_what_a_one_thread_run_checks(int threads)
    {
        // The leader's walk expands states for the search too: states it reaches at the limit must count as unchecked there as well.
        var reference = Tree().Checker().TargetMaxDepth(10).SpawnDfs().Join();
        var checker = Tree().Checker().TargetMaxDepth(10).Threads(threads).SpawnDfs().Join();
        Assert.Equal(CheckerStatus.TargetMaxDepthReached, checker.Status);
        Assert.Equal((1L << 10) - 1, reference.UniqueStateCount);
        Assert.Equal(reference.UniqueStateCount, checker.UniqueStateCount);
        Assert.Equal(reference.Discoveries.Keys.Order(), checker.Discoveries.Keys.Order());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void A_fault_in_a_parallel_run_is_reported_with_the_path_to_its_state(int threads)
    {
        // The rightmost leaf is the first leaf of the one-thread order, which the leader walks first.
        var model = new BinaryTree(Height, Property<long>.Always("no rightmost leaf", s => s != 2 * FirstLeaf - 1 ? true : throw new InvalidOperationException("boom")));
        var checker = model.Checker().Threads(threads).SpawnDfs();
        var error = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.Equal(CheckerStatus.Faulted, checker.Status);
        Assert.Equal(string.Join('/', [0, .. Enumerable.Repeat(1, Height)]), error.IndexPath);
        Assert.Contains("boom", error.Message);
    }

    /// <summary>A chain 0 → 1 → … → <paramref name="length"/> - 1: one successor a state, so the other workers starve.</summary>
    private sealed class Chain(int length, params Property<int>[] properties) : Model<int, int>
    {
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) { if (state < length - 1) actions.Add(0); }
        public override int NextState(int state, int action) => state + 1;
        protected override IEnumerable<Property<int>> DefineProperties() => properties;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void States_the_leader_owns_when_it_stops_leading_still_have_their_successors_searched(int threads)
    {
        // Idle workers make the walk stop leading after its first window while it owns the state it is
        // expanding: that state's successors must still enter the search (a lost one would end the chain).
        const int length = 20_000;
        var model = new Chain(length, Property<int>.Always("within the chain", s => s < length), Property<int>.Sometimes("the end", s => s == length - 1));
        var checker = model.Checker().Threads(threads).SpawnDfs().Join();
        Assert.Equal(CheckerStatus.Exhausted, checker.Status);
        Assert.Equal(length, checker.UniqueStateCount);
        Assert.Equal(string.Join('/', Enumerable.Repeat(0, length)), checker.Discovery("the end")!.Encode());
    }
}
