using System.Collections.Immutable;

namespace Stateright.Tests.BadInput;

/// <summary>Finding 1: a state that refers to itself, or nests very deeply, is reported; it does not overflow the stack.</summary>
public class CyclicStateTests
{
    public sealed class Node
    {
        public int Value;
        public Node? Next;
    }

    public sealed record Chain(int Value, Chain? Next);

    public sealed record Boxed(object? Item);

    public sealed record Tree(int Value, ImmutableList<Tree> Children);

    /// <summary>A model whose initial state is fine and whose second state points to itself.</summary>
    private sealed class CyclicModel : Model<Node, int>
    {
        public override IEnumerable<Node> InitStates() => [new Node { Value = 0 }];
        public override void Actions(Node state, List<int> actions) { if (state.Value == 0) actions.Add(1); }
        public override Node? NextState(Node state, int action)
        {
            var next = new Node { Value = state.Value + action };
            next.Next = next;
            return next;
        }
        protected override IEnumerable<Property<Node>> DefineProperties() => [Property<Node>.Always("holds", _ => true)];
    }

    [Fact]
    public void A_class_that_points_to_itself_names_the_member_path()
    {
        var a = new Node { Value = 1 };
        a.Next = a;
        var e = Assert.Throws<UnfingerprintableTypeException>(() => Fingerprint.Of(a));
        Assert.Equal("CyclicStateTests+Node.Next", e.MemberPath);
        Assert.Contains("object cycle", e.Message);
        Assert.Contains("'CyclicStateTests+Node.Next' is the same object as 'CyclicStateTests+Node'", e.Message);
    }

    [Fact]
    public void A_longer_cycle_names_where_it_closes()
    {
        var a = new Node { Value = 1 };
        var b = new Node { Value = 2, Next = a };
        a.Next = b;
        var e = Assert.Throws<UnfingerprintableTypeException>(() => Fingerprint.Of(a));
        Assert.Equal("CyclicStateTests+Node.Next.Next", e.MemberPath);
    }

    [Fact]
    public void Cycles_through_object_members_and_collections_are_found()
    {
        var list = new List<object>();
        var boxed = new Boxed(list);
        list.Add(boxed);
        var e = Assert.Throws<UnfingerprintableTypeException>(() => Fingerprint.Of(boxed));
        Assert.Equal("CyclicStateTests+Boxed.Item[0]", e.MemberPath);
    }

    [Fact]
    public void A_very_deep_acyclic_record_is_reported_not_a_stack_overflow()
    {
        Chain? chain = null;
        for (var i = 0; i < 175_000; i++) chain = new Chain(i, chain);
        var e = Assert.Throws<UnfingerprintableTypeException>(() => Fingerprint.Of(chain));
        Assert.Contains("nests more than 1,000 levels", e.Message);
        Assert.Equal("CyclicStateTests+Chain(.Next)×1000", e.MemberPath);
    }

    /// <summary>
    /// The depth guard also checks the stack: on a thread whose stack is too small for 1,000 levels, a
    /// deep value is reported (after a shallow one fingerprinted fine), whatever the level count allows.
    /// </summary>
    [Fact]
    public void A_deep_value_on_a_thread_with_a_small_stack_is_reported_not_a_stack_overflow()
    {
        Chain? chain = null;
        for (var i = 0; i < 990; i++) chain = new Chain(i, chain);
        ulong shallow = 0;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            shallow = Fingerprint.Of(new Chain(1, new Chain(2, null)));
            try { Fingerprint.Of(chain); }
            catch (Exception e) { error = e; }
        }, maxStackSize: 160 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal(Fingerprint.Of(new Chain(1, new Chain(2, null))), shallow);
        var reported = Assert.IsType<UnfingerprintableTypeException>(error);
        Assert.Contains("nests", reported.Message);
    }

    [Fact]
    public void Deep_but_reasonable_values_still_fingerprint_structurally()
    {
        Chain? a = null, b = null;
        Tree tree = new(0, []);
        for (var i = 0; i < 900; i++)
        {
            a = new Chain(i, a);
            b = new Chain(i, b);
        }
        for (var i = 0; i < 300; i++) tree = new Tree(i, [tree]);
        Assert.Equal(Fingerprint.Of(a), Fingerprint.Of(b));
        Assert.NotEqual(Fingerprint.Of(a), Fingerprint.Of(a!.Next));
        Assert.NotEqual(0UL, Fingerprint.Of(tree));
    }

    [Theory]
    [InlineData("bfs")]
    [InlineData("dfs")]
    [InlineData("simulation")]
    public void A_cyclic_state_faults_the_run_with_the_member_path(string engine)
    {
        var builder = new CyclicModel().Checker();
        var checker = engine switch { "bfs" => builder.SpawnBfs(), "dfs" => builder.SpawnDfs(), _ => builder.TargetStateCount(10).SpawnSimulation(1) };
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.Equal(CheckerStatus.Faulted, checker.Status);
        var inner = Assert.IsType<UnfingerprintableTypeException>(e.InnerException);
        Assert.Equal("CyclicStateTests+Node.Next", inner.MemberPath);
        Assert.Contains("Node.Next", e.Message);
        Assert.Contains("could not be checked", Assert.Throws<CheckerAssertionException>(checker.AssertProperties).Message);
    }
}
