namespace Stateright.Tests.TestModels;

/// <summary>Finds x, y in byte arithmetic with a*x + b*y = c (the Rust library's linear-equation test model).</summary>
public sealed class LinearEquation(byte a, byte b, byte c) : Model<LinearEquation.Solution, LinearEquation.Guess>
{
    public enum Guess { IncreaseX, IncreaseY }

    public sealed record Solution(byte X, byte Y);

    public override IEnumerable<Solution> InitStates() => [new Solution(0, 0)];

    public override void Actions(Solution state, List<Guess> actions)
    {
        actions.Add(Guess.IncreaseX);
        actions.Add(Guess.IncreaseY);
    }

    public override Solution NextState(Solution state, Guess action) => action switch
    {
        Guess.IncreaseX => state with { X = unchecked((byte)(state.X + 1)) },
        _ => state with { Y = unchecked((byte)(state.Y + 1)) },
    };

    protected override IEnumerable<Property<Solution>> DefineProperties() =>
        [Property<Solution>.Sometimes("solvable", s => unchecked((byte)(a * s.X + b * s.Y)) == c)];
}
