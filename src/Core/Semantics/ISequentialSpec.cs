using System.Diagnostics.CodeAnalysis;

namespace Stateright.Semantics;

/// <summary>
/// A sequential reference object: an operational specification of what a (possibly concurrent or
/// distributed) system should behave like, such as "a register" or "a stack". Consistency testers
/// such as <see cref="LinearizabilityTester{TThread, TSpec, TOp, TRet}"/> check a concurrent history
/// against it.
/// </summary>
/// <typeparam name="TSpec">The implementing type itself.</typeparam>
/// <typeparam name="TOp">The operations, typically a closed record hierarchy.</typeparam>
/// <typeparam name="TRet">The return values, typically a closed record hierarchy.</typeparam>
/// <remarks>
/// Implementations are immutable values: <see cref="Invoke"/> returns the next state of the object
/// rather than changing this one, so the testers can explore many orders of the same operations
/// without copying. Return values are compared with <see cref="EqualityComparer{T}.Default"/>, so
/// <typeparamref name="TRet"/> should have value equality (records do). Giving
/// <typeparamref name="TSpec"/> value equality too lets the testers recognise states they have already
/// explored, which keeps the search fast on long histories.
/// </remarks>
public interface ISequentialSpec<TSpec, TOp, TRet>
    where TSpec : ISequentialSpec<TSpec, TOp, TRet>
{
    /// <summary>Applies an operation to this reference object.</summary>
    /// <param name="op">The operation to apply.</param>
    /// <returns>The reference object after the operation and the value the operation returns.</returns>
    (TSpec Next, TRet Result) Invoke(TOp op);

    /// <summary>
    /// Whether applying <paramref name="op"/> may return <paramref name="ret"/>. The default invokes
    /// the operation and compares results with <see cref="EqualityComparer{T}.Default"/>; an
    /// implementation may override it to avoid building the return value.
    /// </summary>
    /// <param name="op">The operation.</param>
    /// <param name="ret">The return value observed for it.</param>
    /// <param name="next">The reference object after the operation; meaningful only when the step is valid.</param>
    /// <returns>Whether the step is valid.</returns>
    bool IsValidStep(TOp op, TRet ret, [MaybeNullWhen(false)] out TSpec next)
    {
        var (after, result) = Invoke(op);
        if (EqualityComparer<TRet>.Default.Equals(result, ret))
        {
            next = after;
            return true;
        }
        next = default;
        return false;
    }
}

/// <summary>Helpers for <see cref="ISequentialSpec{TSpec, TOp, TRet}"/> values.</summary>
public static class SequentialSpec
{
    /// <summary>
    /// Whether applying <paramref name="op"/> to <paramref name="spec"/> may return
    /// <paramref name="ret"/>; see <see cref="ISequentialSpec{TSpec, TOp, TRet}.IsValidStep"/>.
    /// </summary>
    /// <typeparam name="TSpec">The reference object type.</typeparam>
    /// <typeparam name="TOp">The operation type.</typeparam>
    /// <typeparam name="TRet">The return value type.</typeparam>
    /// <param name="spec">The reference object before the operation.</param>
    /// <param name="op">The operation.</param>
    /// <param name="ret">The return value observed for it.</param>
    /// <param name="next">The reference object after the operation; meaningful only when the step is valid.</param>
    /// <returns>Whether the step is valid.</returns>
    public static bool IsValidStep<TSpec, TOp, TRet>(this ISequentialSpec<TSpec, TOp, TRet> spec, TOp op, TRet ret, [MaybeNullWhen(false)] out TSpec next)
        where TSpec : ISequentialSpec<TSpec, TOp, TRet>
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.IsValidStep(op, ret, out next);
    }

    /// <summary>
    /// Whether a sequential history (operations in the order they took effect, each with the value it
    /// returned) is one that <paramref name="spec"/> could have produced.
    /// </summary>
    /// <typeparam name="TSpec">The reference object type.</typeparam>
    /// <typeparam name="TOp">The operation type.</typeparam>
    /// <typeparam name="TRet">The return value type.</typeparam>
    /// <param name="spec">The reference object at the start of the history.</param>
    /// <param name="history">The operations and their return values, in order.</param>
    /// <returns>Whether every step is valid in turn.</returns>
    public static bool IsValidHistory<TSpec, TOp, TRet>(this ISequentialSpec<TSpec, TOp, TRet> spec, IEnumerable<(TOp Op, TRet Ret)> history)
        where TSpec : ISequentialSpec<TSpec, TOp, TRet>
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(history);
        var current = spec;
        foreach (var (op, ret) in history)
        {
            if (!current.IsValidStep(op, ret, out var next)) return false;
            current = next;
        }
        return true;
    }
}
