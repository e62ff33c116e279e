// README.md "A first model": a whole console program.
#region readme-first-model
using Stateright;

var checker = new LinearEquation(2, 10, 14).Checker().Threads(2).SpawnBfs();
checker.Report(Console.Out);
checker.AssertProperties();                                 // throws with numbered steps if a property fails
Console.WriteLine(checker.Discovery("solvable")!.Encode()); // 0/0/0/1: the shortest solution

public enum Guess { IncreaseX, IncreaseY }

public sealed record Solution(byte X, byte Y);

/// Finds x and y with a*x + b*y == c in byte arithmetic.
public sealed class LinearEquation(byte a, byte b, byte c) : Model<Solution, Guess>
{
    public override IEnumerable<Solution> InitStates() => [new Solution(0, 0)];

    public override void Actions(Solution state, List<Guess> actions)
    {
        actions.Add(Guess.IncreaseX);
        actions.Add(Guess.IncreaseY);
    }

    public override Solution? NextState(Solution state, Guess guess) => guess switch
    {
        Guess.IncreaseX => state with { X = (byte)(state.X + 1) },
        _ => state with { Y = (byte)(state.Y + 1) },
    };

    protected override IEnumerable<Property<Solution>> DefineProperties() =>
        [Property<Solution>.Sometimes("solvable", s => (byte)(a * s.X + b * s.Y) == c)];
}
#endregion
