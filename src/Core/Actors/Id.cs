namespace Stateright.Actors;

/// <summary>
/// An actor's identity: its index in the model when checking, or an encoded IPv4 address and port when
/// the actors run on real sockets.
/// </summary>
/// <param name="Value">The raw value.</param>
public readonly record struct Id(ulong Value) : IComparable<Id>
{
    /// <summary>The id of the actor at <paramref name="index"/> in a model.</summary>
    public static Id From(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new Id((ulong)index);
    }

    /// <summary>The id of the actor at <paramref name="index"/> in a model.</summary>
    public static implicit operator Id(int index) => From(index);

    /// <summary>The index of this actor in a model.</summary>
    public int Index => checked((int)Value);

    /// <inheritdoc/>
    public int CompareTo(Id other) => Value.CompareTo(other.Value);

    /// <summary>Ids for the given indices.</summary>
    public static IReadOnlyList<Id> Range(int start, int count) => Enumerable.Range(start, count).Select(From).ToArray();

    /// <inheritdoc/>
    public override string ToString() => $"Id({Value})";
}
