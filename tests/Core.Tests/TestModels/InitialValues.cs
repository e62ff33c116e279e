namespace Stateright.Tests.TestModels;

/// <summary>A state that holds one value in a record field, as a model's state usually holds it.</summary>
public sealed record Holder<T>(T Value);

/// <summary>A model whose states are its initial states (no actions): its unique-state count is how many of them the checker tells apart.</summary>
public sealed class InitialValues<T>(IEnumerable<T> values) : Model<Holder<T>, int>
{
    public override IEnumerable<Holder<T>> InitStates() => values.Select(v => new Holder<T>(v));
    public override void Actions(Holder<T> state, List<int> actions) { }
    public override Holder<T> NextState(Holder<T> state, int action) => throw new NotSupportedException();
    protected override IEnumerable<Property<Holder<T>>> DefineProperties() => [Property<Holder<T>>.Always("true", _ => true)];

    /// <summary>How many unique states an exhaustive BFS finds.</summary>
    public static long UniqueStates(params T[] values)
    {
        var checker = new InitialValues<T>(values).Checker().SpawnBfs().Join();
        Assert.Equal(CheckerStatus.Exhausted, checker.Status);
        return checker.UniqueStateCount;
    }
}
