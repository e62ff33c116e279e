using System.Diagnostics.CodeAnalysis;

namespace Stateright.Semantics;

/// <summary>
/// An optional value: either <c>Some(value)</c> or <c>None</c>. Used by reference objects whose
/// operations may return "nothing" (popping an empty stack, reading an unwritten register) in a way
/// that stays unambiguous for value types, where <c>T?</c> would not.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>
/// Options compare by value (<see cref="EqualityComparer{T}.Default"/>), fingerprint by content, and
/// print as <c>Some('A')</c> or <c>None</c>. The default value is <see cref="None"/>. A value of
/// <typeparamref name="T"/> converts implicitly to <c>Some(value)</c>.
/// </remarks>
public readonly struct Option<T> : IEquatable<Option<T>>, IFingerprintable, Actors.IRewritable<Option<T>>
{
    private const ulong NoneFingerprint = 0x4E4F_4E45_0000_0001UL;
    private const ulong SomeTag = 0x534F_4D45_0000_0002UL;

    private readonly T _value;

    private Option(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>The empty option, <c>None</c>.</summary>
    public static Option<T> None => default;

    /// <summary>Creates <c>Some(value)</c>.</summary>
    /// <param name="value">The value to wrap.</param>
    public static Option<T> Some(T value) => new(value);

    /// <summary>The option with the actor ids in its value renamed (for symmetry reduction).</summary>
    public Option<T> Rewrite(Actors.IdPermutation permutation) => HasValue ? new(permutation.Rewrite(_value)) : this;

    /// <summary>Whether this option holds a value.</summary>
    public bool HasValue { get; }

    /// <summary>The value held.</summary>
    /// <exception cref="InvalidOperationException">The option is <c>None</c>.</exception>
    public T Value => HasValue ? _value : throw new InvalidOperationException("The option is None: it holds no value.");

    /// <summary>Gets the value if there is one.</summary>
    /// <param name="value">The value, or the default of <typeparamref name="T"/> for <c>None</c>.</param>
    /// <returns>Whether the option holds a value.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return HasValue;
    }

    /// <summary>The value, or <paramref name="fallback"/> for <c>None</c>.</summary>
    /// <param name="fallback">What to return when there is no value.</param>
    public T GetValueOrDefault(T fallback) => HasValue ? _value : fallback;

    /// <summary>Wraps a value: <c>Some(value)</c>.</summary>
    /// <param name="value">The value to wrap.</param>
    public static implicit operator Option<T>(T value) => new(value);

    /// <inheritdoc/>
    public bool Equals(Option<T> other) =>
        HasValue == other.HasValue && (!HasValue || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Option<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HasValue ? HashCode.Combine(true, _value) : 0;

    /// <summary>Structural fingerprint: <c>None</c> is a constant, <c>Some(v)</c> depends only on <c>v</c>.</summary>
    public ulong GetFingerprint() => HasValue ? Fingerprint.Combine(SomeTag, Fingerprint.Of(_value)) : NoneFingerprint;

    /// <summary>Renders <c>Some('A')</c> or <c>None</c>.</summary>
    public override string ToString() => HasValue ? $"Some({ValueText.Format(_value)})" : "None";

    /// <summary>Whether two options are equal.</summary>
    public static bool operator ==(Option<T> left, Option<T> right) => left.Equals(right);

    /// <summary>Whether two options differ.</summary>
    public static bool operator !=(Option<T> left, Option<T> right) => !left.Equals(right);
}

/// <summary>Factory methods for <see cref="Option{T}"/> that infer the type argument.</summary>
public static class Option
{
    /// <summary>Creates <c>Some(value)</c>.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">The value to wrap.</param>
    public static Option<T> Some<T>(T value) => Option<T>.Some(value);

    /// <summary>The empty option, <c>None</c>, of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type of the (absent) value.</typeparam>
    public static Option<T> None<T>() => default;
}
