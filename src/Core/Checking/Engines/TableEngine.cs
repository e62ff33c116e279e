namespace Stateright;

/// <summary>An exhaustive engine: it records the key of every visited state in a <see cref="VisitedSet"/>.</summary>
internal abstract class TableEngine<TState, TAction>(CheckerBuilder<TState, TAction> options) : Engine<TState, TAction>(options)
{
    protected VisitedSet Table { get; set; } = new();

    public override long UniqueStateCount => Table.Count;

    public override long VisitedSetBytes => Table.AllocatedBytes;

    public override bool? WasVisited(ulong key) => Table.Contains(key);
}
