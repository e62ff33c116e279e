namespace Stateright.Testing.Tool.Tests;

// A model test method `stateright explore` finds in this assembly, builds and serves (never run as a test:
// no front end discovers [ModelTest] in this project).

public sealed record Tally(int N);

/// <summary>n counts up to 3; "below two" fails at 2 (the index path 0/0/0).</summary>
public sealed class TallyModel : Model<Tally, int>
{
    public override IEnumerable<Tally> InitStates() => [new Tally(0)];

    public override void Actions(Tally state, List<int> actions) => actions.Add(1);

    public override Tally? NextState(Tally state, int action) => state with { N = state.N + action };

    public override bool WithinBoundary(Tally state) => state.N <= 3;

    protected override IEnumerable<Property<Tally>> DefineProperties() =>
        [Property<Tally>.Always("below two", s => s.N < 2)];
}

public static class ExploreSamples
{
    [ModelTest]
    public static TallyModel Tally() => new();
}
