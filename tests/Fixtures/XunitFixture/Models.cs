using Stateright;
using Stateright.Testing.Xunit;

namespace XunitFixture;

/// <summary>Counts 0..3 in steps of one; properties with known outcomes.</summary>
public sealed class SmallCounter(params Property<int>[] properties) : Model<int, int>
{
    public override IEnumerable<int> InitStates() => [0];
    public override void Actions(int state, List<int> actions) { if (state < 3) actions.Add(1); }
    public override bool TryNextState(int state, int action, out int next) { next = state + action; return true; }
    public override int NextState(int state, int action) => throw new NotSupportedException();
    protected override IEnumerable<Property<int>> DefineProperties() => properties;
}

/// <summary>Counts forever: only a timeout stops it.</summary>
public sealed class EndlessCounter : Model<long, int>
{
    public override IEnumerable<long> InitStates() => [0];
    public override void Actions(long state, List<int> actions) { actions.Add(1); actions.Add(2); }
    public override bool TryNextState(long state, int action, out long next) { next = state + action; return true; }
    public override long NextState(long state, int action) => throw new NotSupportedException();
    protected override IEnumerable<Property<long>> DefineProperties() => [Property<long>.Always("finite", _ => true)];
}

/// <summary>A class state whose successor points to itself (a.Next = a): must be reported, not overflow the stack.</summary>
public sealed class SelfReferentialList : Model<SelfReferentialList.Node, int>
{
    public sealed class Node
    {
        public int Value;
        public Node? Next;
    }

    public override IEnumerable<Node> InitStates() => [new Node()];
    public override void Actions(Node state, List<int> actions) { if (state.Value == 0) actions.Add(1); }
    public override Node? NextState(Node state, int action)
    {
        var next = new Node { Value = state.Value + action };
        next.Next = next;
        return next;
    }
    protected override IEnumerable<Property<Node>> DefineProperties() => [Property<Node>.Always("holds", _ => true)];
}

public class FixtureModels
{
    [ModelTheory]
    public static SmallCounter Mixed() => new(
        Property<int>.Always("holds", s => s <= 3),
        Property<int>.Always("violated", s => s < 2),
        Property<int>.Sometimes("reachable", s => s == 3),
        Property<int>.Sometimes("unreachable", s => s == 4));

    [ModelTheory]
    [ExpectDiscovery("known bug")]
    public static SmallCounter KnownBug() => new(Property<int>.Always("known bug", s => s != 2));

    [ModelTheory]
    public static SmallCounter Broken() => throw new InvalidOperationException("the factory is broken");

    [ModelTheory(TimeoutSeconds = 1)]
    public static EndlessCounter Endless() => new();

    [ModelTheory]
    public static SelfReferentialList SelfReferential() => new();
}
