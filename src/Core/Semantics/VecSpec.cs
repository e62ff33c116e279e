using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Stateright.Semantics;

/// <summary>
/// A stack (a vector used only at its end): <c>Push</c> appends, <c>Pop</c> removes the last element,
/// <c>Len</c> counts. The reference object for "this system should behave like a stack".
/// </summary>
/// <typeparam name="T">The type of the elements.</typeparam>
/// <remarks>Compares and fingerprints by its elements.</remarks>
public sealed class VecSpec<T> : ISequentialSpec<VecSpec<T>, VecOp<T>, VecRet<T>>, IEquatable<VecSpec<T>>
{
    private static readonly VecRet<T> s_pushOk = new VecRet<T>.PushOk();
    private static readonly VecRet<T> s_popNone = new VecRet<T>.PopOk(Option<T>.None);

    /// <summary>An empty stack.</summary>
    public VecSpec()
        : this(ImmutableList<T>.Empty)
    {
    }

    /// <summary>A stack holding <paramref name="items"/>, the last one on top.</summary>
    /// <param name="items">The elements, bottom first.</param>
    public VecSpec(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items.ToImmutableList();
    }

    /// <summary>The elements, bottom first.</summary>
    public ImmutableList<T> Items { get; }

    /// <summary>The number of elements.</summary>
    public int Count => Items.Count;

    /// <summary>
    /// <c>Push(v)</c> appends <c>v</c> and returns <c>PushOk</c>; <c>Pop</c> removes the last element
    /// and returns <c>PopOk(Some(v))</c>, or <c>PopOk(None)</c> when empty; <c>Len</c> returns
    /// <c>LenOk(count)</c>.
    /// </summary>
    /// <param name="op">The operation to apply.</param>
    /// <returns>The stack after the operation and the operation's return value.</returns>
    public (VecSpec<T> Next, VecRet<T> Result) Invoke(VecOp<T> op)
    {
        switch (op)
        {
            case VecOp<T>.Push push:
                return (new VecSpec<T>(Items.Add(push.Value)), s_pushOk);
            case VecOp<T>.Pop:
                return Items.Count == 0
                    ? (this, s_popNone)
                    : (new VecSpec<T>(Items.RemoveAt(Items.Count - 1)), new VecRet<T>.PopOk(Items[^1]));
            case VecOp<T>.Len:
                return (this, new VecRet<T>.LenOk(Items.Count));
            case null:
                throw new ArgumentNullException(nameof(op));
            default:
                throw new ArgumentException($"Unknown stack operation {op}.", nameof(op));
        }
    }

    /// <summary>
    /// Whether <paramref name="op"/> may return <paramref name="ret"/> on this stack, without building
    /// the expected return value.
    /// </summary>
    /// <param name="op">The operation.</param>
    /// <param name="ret">The return value observed for it.</param>
    /// <param name="next">The stack after the operation; meaningful only when the step is valid.</param>
    /// <returns>Whether the step is valid.</returns>
    public bool IsValidStep(VecOp<T> op, VecRet<T> ret, [MaybeNullWhen(false)] out VecSpec<T> next)
    {
        switch (op, ret)
        {
            case (VecOp<T>.Push push, VecRet<T>.PushOk):
                next = new VecSpec<T>(Items.Add(push.Value));
                return true;
            case (VecOp<T>.Pop, VecRet<T>.PopOk pop) when Items.Count == 0 && !pop.Value.HasValue:
            case (VecOp<T>.Len, VecRet<T>.LenOk len) when len.Length == Items.Count:
                next = this;
                return true;
            case (VecOp<T>.Pop, VecRet<T>.PopOk pop) when Items.Count > 0 && pop.Value.HasValue && EqualityComparer<T>.Default.Equals(pop.Value.Value, Items[^1]):
                next = new VecSpec<T>(Items.RemoveAt(Items.Count - 1));
                return true;
            default:
                next = null;
                return false;
        }
    }

    private VecSpec(ImmutableList<T> items) => Items = items;

    /// <summary>Whether both stacks hold equal elements in the same order.</summary>
    /// <param name="other">The stack to compare with.</param>
    public bool Equals([NotNullWhen(true)] VecSpec<T>? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Items.Count != Items.Count) return false;
        var comparer = EqualityComparer<T>.Default;
        using var mine = Items.GetEnumerator();
        using var theirs = other.Items.GetEnumerator();
        while (mine.MoveNext() && theirs.MoveNext())
        {
            if (!comparer.Equals(mine.Current, theirs.Current)) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as VecSpec<T>);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Items.Count);
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }

    /// <summary>Renders <c>VecSpec([10, 20])</c>, bottom first.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("VecSpec([");
        var first = true;
        foreach (var item in Items)
        {
            if (!first) sb.Append(", ");
            first = false;
            ValueText.Append(sb, item);
        }
        return sb.Append("])").ToString();
    }
}

/// <summary>An operation on a <see cref="VecSpec{T}"/>: <see cref="Push"/>, <see cref="Pop"/> or <see cref="Len"/>.</summary>
/// <typeparam name="T">The type of the elements.</typeparam>
public abstract record VecOp<T>
{
    private VecOp()
    {
    }

    /// <summary>Pushes a value on top of the stack.</summary>
    /// <param name="Value">The value to push.</param>
    public sealed record Push(T Value) : VecOp<T>
    {
        /// <summary>Renders <c>Push(10)</c>.</summary>
        public override string ToString() => $"Push({ValueText.Format(Value)})";
    }

    /// <summary>Removes the value on top of the stack, if any.</summary>
    public sealed record Pop : VecOp<T>
    {
        /// <summary>Renders <c>Pop</c>.</summary>
        public override string ToString() => "Pop";
    }

    /// <summary>Counts the values on the stack.</summary>
    public sealed record Len : VecOp<T>
    {
        /// <summary>Renders <c>Len</c>.</summary>
        public override string ToString() => "Len";
    }
}

/// <summary>
/// The value a <see cref="VecOp{T}"/> returns: <see cref="PushOk"/>, <see cref="PopOk"/> or
/// <see cref="LenOk"/>.
/// </summary>
/// <typeparam name="T">The type of the elements.</typeparam>
public abstract record VecRet<T>
{
    private VecRet()
    {
    }

    /// <summary>A push completed.</summary>
    public sealed record PushOk : VecRet<T>
    {
        /// <summary>Renders <c>PushOk</c>.</summary>
        public override string ToString() => "PushOk";
    }

    /// <summary>A pop completed, removing <paramref name="Value"/> (<c>None</c> if the stack was empty).</summary>
    /// <param name="Value">The value popped.</param>
    public sealed record PopOk(Option<T> Value) : VecRet<T>
    {
        /// <summary>Renders <c>PopOk(Some(10))</c> or <c>PopOk(None)</c>.</summary>
        public override string ToString() => $"PopOk({Value})";
    }

    /// <summary>A length query completed.</summary>
    /// <param name="Length">The number of values on the stack.</param>
    public sealed record LenOk(int Length) : VecRet<T>
    {
        /// <summary>Renders <c>LenOk(2)</c>.</summary>
        public override string ToString() => $"LenOk({Length.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
    }
}
