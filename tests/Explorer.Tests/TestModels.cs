namespace Stateright.Explorer.Tests;

public sealed record Counter(int X);

public enum Step { Increment, Nothing, Reset }

/// <summary>x counts up to 3 (the boundary); "Nothing" never changes the state; "Reset" goes back to 0.</summary>
public sealed class CounterModel : Model<Counter, Step>
{
    public override IEnumerable<Counter> InitStates() => [new Counter(0)];

    public override void Actions(Counter state, List<Step> actions)
    {
        actions.Add(Step.Increment);
        actions.Add(Step.Nothing);
        if (state.X > 0) actions.Add(Step.Reset);
    }

    public override Counter? NextState(Counter state, Step action) => action switch
    {
        Step.Increment => state with { X = state.X + 1 },
        Step.Reset => state with { X = 0 },
        _ => null,
    };

    public override bool WithinBoundary(Counter state) => state.X <= 3;

    protected override IEnumerable<Property<Counter>> DefineProperties() =>
    [
        Property<Counter>.Always("below two", s => s.X < 2),
        Property<Counter>.Sometimes("reaches one", s => s.X == 1),
        Property<Counter>.Eventually("reaches five", s => s.X == 5),
    ];
}

/// <summary>Throws in NextState when asked to leave state 1.</summary>
public sealed class ThrowingModel : Model<Counter, Step>
{
    public override IEnumerable<Counter> InitStates() => [new Counter(0)];

    public override void Actions(Counter state, List<Step> actions) => actions.Add(Step.Increment);

    public override Counter? NextState(Counter state, Step action) =>
        state.X == 1 ? throw new InvalidOperationException("boom") : state with { X = state.X + 1 };
}
