namespace Stateright.Semantics;

/// <summary>
/// Records a concurrent history of operations (invocations and returns, per thread) and decides
/// whether it is consistent with a sequential reference object under some consistency model.
/// </summary>
/// <typeparam name="TTester">The implementing type itself.</typeparam>
/// <typeparam name="TThread">Identifies a caller. Each thread has at most one operation in flight.</typeparam>
/// <typeparam name="TOp">The operations of the reference object.</typeparam>
/// <typeparam name="TRet">The return values of the reference object.</typeparam>
/// <remarks>
/// <para>
/// Testers are immutable values, cheap to copy and fingerprinted by content, so a model can keep one
/// in its state as the history observed so far: every recording method returns a new tester and
/// leaves the receiver unchanged.
/// </para>
/// <para>
/// A "thread" is any single-threaded caller, for example an actor that does not issue a second
/// request before the first has been answered. Misuse (invoking on a thread that already has an
/// operation in flight, or returning on a thread that has none) does not throw: the tester becomes
/// permanently invalid, <see cref="IsConsistent"/> returns <see langword="false"/>, and the concrete
/// testers report why.
/// </para>
/// </remarks>
public interface IConsistencyTester<TTester, TThread, TOp, TRet>
    where TTester : IConsistencyTester<TTester, TThread, TOp, TRet>
{
    /// <summary>Records that <paramref name="thread"/> invoked <paramref name="op"/>.</summary>
    /// <param name="thread">The caller.</param>
    /// <param name="op">The operation invoked.</param>
    /// <returns>A tester whose history also holds the invocation.</returns>
    TTester OnInvoke(TThread thread, TOp op);

    /// <summary>Records that the operation in flight on <paramref name="thread"/> returned <paramref name="ret"/>.</summary>
    /// <param name="thread">The caller.</param>
    /// <param name="ret">The value returned.</param>
    /// <returns>A tester whose history also holds the return.</returns>
    TTester OnReturn(TThread thread, TRet ret);

    /// <summary>Records an invocation immediately followed by its return on the same thread.</summary>
    /// <param name="thread">The caller.</param>
    /// <param name="op">The operation invoked.</param>
    /// <param name="ret">The value returned.</param>
    /// <returns>A tester whose history also holds the completed operation.</returns>
    TTester OnInvokeReturn(TThread thread, TOp op, TRet ret) => OnInvoke(thread, op).OnReturn(thread, ret);

    /// <summary>
    /// Whether the recorded history is consistent with the reference object under this tester's
    /// consistency model. Always <see langword="false"/> once the history has been misused.
    /// </summary>
    bool IsConsistent();

    /// <summary>The number of recorded operations, completed or in flight, across all threads.</summary>
    int Count { get; }
}
