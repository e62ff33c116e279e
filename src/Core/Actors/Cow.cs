namespace Stateright.Actors;

/// <summary>
/// A copy-on-write cell holding an actor's state during a handler call. Reading <see cref="Value"/> is
/// free; assigning it marks the state as changed. A handler that neither changes the state nor
/// outputs anything is a no-op, which lets the checker skip the step (as Rust's <c>Cow</c> does).
/// </summary>
/// <typeparam name="TState">The actor's state type; typically an immutable record.</typeparam>
public struct Cow<TState>
{
    private TState _value;

    /// <summary>Wraps the current state, unchanged.</summary>
    public Cow(TState value)
    {
        _value = value;
        IsChanged = false;
    }

    /// <summary>The state. Setting it (even to an equal value) marks the state as changed.</summary>
    public TState Value
    {
        readonly get => _value;
        set
        {
            _value = value;
            IsChanged = true;
        }
    }

    /// <summary>True once <see cref="Value"/> has been assigned.</summary>
    public bool IsChanged { get; private set; }

    /// <summary>Reads the state.</summary>
    public static implicit operator TState(Cow<TState> cell) => cell._value;

    /// <inheritdoc/>
    public override readonly string ToString() => _value?.ToString() ?? "null";
}
