using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Stateright.Semantics;

/// <summary>
/// Checks that a concurrent history is <em>sequentially consistent</em> with respect to a sequential
/// reference object: that the operations of all threads can be arranged in one total order that keeps
/// each thread's own operations in program order and that the reference object accepts.
/// </summary>
/// <typeparam name="TThread">Identifies a caller (for example an actor id). Each has at most one operation in flight.</typeparam>
/// <typeparam name="TSpec">The sequential reference object.</typeparam>
/// <typeparam name="TOp">The reference object's operations.</typeparam>
/// <typeparam name="TRet">The reference object's return values.</typeparam>
/// <remarks>
/// <para>
/// Unlike <see cref="LinearizabilityTester{TThread, TSpec, TOp, TRet}"/>, there is no order between
/// operations of different threads, even when one returned long before the other was invoked: a read
/// that starts after another thread's write has returned may still see the older value. Threads need
/// not agree on a common notion of "now". Prefer the linearizability tester unless this weaker model is
/// what the system promises. Note that checking at the edges of the system (when messages enter and
/// leave it) rather than at the clients admits even more anomalies, such as a client not seeing its own
/// earlier write.
/// </para>
/// <para>
/// Operations still in flight may or may not have taken effect: the search may place them (with
/// whatever value the reference object returns) or leave them out.
/// </para>
/// <para>
/// The tester is an immutable value: each recording method returns a new tester, shares the unchanged
/// parts of the old one, and leaves it untouched, so a model can keep the tester in its state.
/// Equality and <see cref="GetFingerprint"/> depend only on the logical history (the reference object
/// and each thread's operations and return values), not on how it was recorded or stored. Misuse (see
/// <see cref="IConsistencyTester{TTester, TThread, TOp, TRet}"/>) makes the tester permanently invalid;
/// <see cref="InvalidHistoryReason"/> says why.
/// </para>
/// </remarks>
public sealed class SequentialConsistencyTester<TThread, TSpec, TOp, TRet>
    : IConsistencyTester<SequentialConsistencyTester<TThread, TSpec, TOp, TRet>, TThread, TOp, TRet>,
      IFingerprintable,
      Actors.IRewritable<SequentialConsistencyTester<TThread, TSpec, TOp, TRet>>,
      IEquatable<SequentialConsistencyTester<TThread, TSpec, TOp, TRet>>
    where TThread : notnull
    where TSpec : ISequentialSpec<TSpec, TOp, TRet>
{
    private const ulong KindTag = 0x5345_5143_4F4E_5354UL;

    private readonly TSpec _initial;
    private readonly OperationHistory<TThread, TOp, TRet> _history;
    private Verdicts.Cache<TOp, TRet> _cache; // mutable: filled in lazily

    /// <summary>Creates a tester with an empty history.</summary>
    /// <param name="initial">The reference object in its initial state.</param>
    public SequentialConsistencyTester(TSpec initial)
        : this(initial ?? throw new ArgumentNullException(nameof(initial)), OperationHistory<TThread, TOp, TRet>.Create(tracksRealTime: false), Verdicts.Unknown)
    {
    }

    private SequentialConsistencyTester(TSpec initial, OperationHistory<TThread, TOp, TRet> history, int verdict)
    {
        _initial = initial;
        _history = history;
        _cache = new Verdicts.Cache<TOp, TRet>(verdict);
    }

    /// <inheritdoc/>
    public int Count => _history.Count;

    /// <summary>Whether the history is well-formed, that is, the tester has not been misused.</summary>
    public bool IsValidHistory => _history.IsValid;

    /// <summary>Why the history is malformed (the first misuse), or <see langword="null"/> while it is well-formed.</summary>
    public string? InvalidHistoryReason => _history.InvalidReason;

    /// <inheritdoc/>
    public SequentialConsistencyTester<TThread, TSpec, TOp, TRet> OnInvoke(TThread thread, TOp op)
    {
        var history = _history.Invoke(thread, op);
        if (ReferenceEquals(history, _history)) return this;
        // A new in-flight operation may be left out, so a consistent history stays consistent. An
        // inconsistent one may become consistent (the new operation may explain an earlier read).
        var verdict = !history.IsValid ? Verdicts.Inconsistent
            : _cache.Verdict == Verdicts.Consistent ? Verdicts.Consistent
            : Verdicts.Unknown;
        return new(_initial, history, verdict);
    }

    /// <inheritdoc/>
    public SequentialConsistencyTester<TThread, TSpec, TOp, TRet> OnReturn(TThread thread, TRet ret)
    {
        var history = _history.Return(thread, ret);
        if (ReferenceEquals(history, _history)) return this;
        return new(_initial, history, history.IsValid ? Verdicts.Unknown : Verdicts.Inconsistent);
    }

    /// <inheritdoc/>
    public SequentialConsistencyTester<TThread, TSpec, TOp, TRet> OnInvokeReturn(TThread thread, TOp op, TRet ret) =>
        OnInvoke(thread, op).OnReturn(thread, ret);

    /// <summary>Whether the recorded history is sequentially consistent; <see langword="false"/> if the tester was misused.</summary>
    public bool IsConsistent() => _cache.IsConsistent(this, static tester => tester.Search());

    /// <summary>
    /// A total order of the recorded operations that the reference object accepts and that respects
    /// each thread's program order, with the value each operation returned (for operations still in
    /// flight that the order includes, the value the reference object returns). In-flight operations
    /// the order does not need are left out.
    /// </summary>
    /// <returns>The order, or <see langword="null"/> if the history is not sequentially consistent or the tester was misused.</returns>
    public IReadOnlyList<(TOp Op, TRet Ret)>? SerializedHistory() => _cache.Serialization(this, static tester => tester.Search());

    /// <summary>A fingerprint of the logical history; see the remarks on the class.</summary>
    public ulong GetFingerprint() => _cache.Fingerprint(this, static tester =>
        Fingerprint.Combine(KindTag, Fingerprint.Of(tester._initial), tester._history.GetFingerprint()));

    /// <summary>
    /// The tester with the actor ids in its threads, operations, return values and reference object
    /// renamed (for symmetry reduction of actor models): the same history told about renamed actors.
    /// </summary>
    public SequentialConsistencyTester<TThread, TSpec, TOp, TRet> Rewrite(Actors.IdPermutation permutation) =>
        new(permutation.Rewrite(_initial), _history.Rewrite(permutation), Verdicts.Unknown);

    /// <summary>Whether <paramref name="other"/> records the same logical history from an equal reference object.</summary>
    /// <param name="other">The tester to compare with.</param>
    public bool Equals([NotNullWhen(true)] SequentialConsistencyTester<TThread, TSpec, TOp, TRet>? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (EqualityComparer<TSpec>.Default.Equals(_initial, other._initial) && _history.ContentEquals(other._history)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SequentialConsistencyTester<TThread, TSpec, TOp, TRet>);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_initial, _history.ContentHashCode());

    /// <summary>
    /// Renders the history per thread, for example
    /// <c>SequentialConsistencyTester {0: [Write('B') → WriteOk], 1: [Read (in flight)]}</c>, threads
    /// in their natural order (or a fixed one if they are not comparable).
    /// </summary>
    public override string ToString()
    {
        var sb = new StringBuilder("SequentialConsistencyTester ");
        _history.AppendTo(sb);
        return sb.ToString();
    }

    // Searched once per distinct history (per process), however many states hold it.
    private (TOp Op, TRet Ret)[]? Search() =>
        HistoryMemo<SequentialConsistencyTester<TThread, TSpec, TOp, TRet>, (TOp Op, TRet Ret)[]?>.GetOrSearch(
            this, GetFingerprint(), static tester => HistorySearch<TSpec, TOp, TRet>.Serialize(tester._initial, tester._history));
}
