using Fixtures;
using Stateright.Testing;
using Stateright.Testing.Xunit;

namespace XunitFixture;

/// <summary>A class state whose successor points to itself (a.Next = a): must be reported, not overflow the stack.</summary>
public sealed class SelfReferentialList : Stateright.Model<SelfReferentialList.Node, int>
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
    protected override IEnumerable<Stateright.Property<Node>> DefineProperties() => [Stateright.Property<Node>.Always("holds", _ => true)];
}

// The shared scenarios (tests/Fixtures/Shared) as xUnit v2 model theories; some fail on purpose.
public class FixtureModels
{
    [ModelTheory]
    public static SmallCounter Mixed() => Scenarios.Mixed();

    [ModelTheory]
    [ExpectDiscovery("known bug")]
    public static SmallCounter KnownBug() => Scenarios.KnownBug();

    [ModelTheory]
    public static SmallCounter Broken() => Scenarios.Broken();

    [ModelTheory(TimeoutSeconds = 1)]
    public static EndlessCounter Endless() => Scenarios.Endless();

    [ModelTheory(Threads = -1)]
    public static SmallCounter BadArguments() => Scenarios.Valid();

    [ModelTheory]
    public static SelfReferentialList SelfReferential() => new();
}

// A check that runs for 30 seconds (the incomplete verdict fails it): tests/Xunit.Tests reads its live
// progress from the console of `dotnet test`. The other end-to-end runs leave this class out.
public class LiveProgress
{
    [ModelTheory(TimeoutSeconds = 30, Threads = 1)]
    public static SlowCounter Slow() => Scenarios.Slow();
}
