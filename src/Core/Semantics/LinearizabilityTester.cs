using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Stateright.Semantics;

/// <summary>
/// Checks that a concurrent history is <em>linearizable</em> with respect to a sequential reference
/// object: that every operation can be given a single point in time, between its invocation and its
/// return, at which it takes effect atomically, so that the resulting sequence is one the reference
/// object accepts.
/// </summary>
/// <typeparam name="TThread">Identifies a caller (for example an actor id). Each has at most one operation in flight.</typeparam>
/// <typeparam name="TSpec">The sequential reference object.</typeparam>
/// <typeparam name="TOp">The reference object's operations.</typeparam>
/// <typeparam name="TRet">The reference object's return values.</typeparam>
/// <remarks>
/// <para>
/// Unlike <see cref="SequentialConsistencyTester{TThread, TSpec, TOp, TRet}"/>, this tester respects
/// real time across threads: if one operation returned before another was invoked, the first must take
/// effect first. A read that starts after a write has returned must therefore see that write (or a
/// later one). "Before" here means that the first caller could have told the second one that it was
/// done, which is the ordering that matters in a distributed system. When unsure which of the two
/// testers to use, use this one.
/// </para>
/// <para>
/// Operations still in flight may or may not have taken effect: the search may place them (with
/// whatever value the reference object returns) or leave them out.
/// </para>
/// <para>
/// The tester is an immutable value: each recording method returns a new tester, shares the unchanged
/// parts of the old one, and leaves it untouched, so a model can keep the tester in its state.
/// Equality and <see cref="GetFingerprint"/> depend only on the logical history (the reference object,
/// each thread's operations and return values, and which operations returned before which were
/// invoked), not on how it was recorded or stored. Misuse (see
/// <see cref="IConsistencyTester{TTester, TThread, TOp, TRet}"/>) makes the tester permanently invalid;
/// <see cref="InvalidHistoryReason"/> says why.
/// </para>
/// </remarks>
public sealed class LinearizabilityTester<TThread, TSpec, TOp, TRet>
    : IConsistencyTester<LinearizabilityTester<TThread, TSpec, TOp, TRet>, TThread, TOp, TRet>,
      IFingerprintable,
      Actors.IRewritable<LinearizabilityTester<TThread, TSpec, TOp, TRet>>,
      IEquatable<LinearizabilityTester<TThread, TSpec, TOp, TRet>>
    where TThread : notnull
    where TSpec : ISequentialSpec<TSpec, TOp, TRet>
{
    private const ulong KindTag = 0x4C49_4E45_4152_5A45UL;

    private readonly TSpec _initial;
    private readonly OperationHistory<TThread, TOp, TRet> _history;
    private Verdicts.Cache<TOp, TRet> _cache; // mutable: filled in lazily

    /// <summary>Creates a tester with an empty history.</summary>
    /// <param name="initial">The reference object in its initial state.</param>
    public LinearizabilityTester(TSpec initial)
        : this(initial ?? throw new ArgumentNullException(nameof(initial)), OperationHistory<TThread, TOp, TRet>.Create(tracksRealTime: true), Verdicts.Unknown)
    {
    }

    private LinearizabilityTester(TSpec initial, OperationHistory<TThread, TOp, TRet> history, int verdict)
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
    public LinearizabilityTester<TThread, TSpec, TOp, TRet> OnInvoke(TThread thread, TOp op)
    {
        var history = _history.Invoke(thread, op);
        if (ReferenceEquals(history, _history)) return this;
        // A new in-flight operation may be left out, so it preserves a verdict either way (linearizability is prefix-closed).
        return new(_initial, history, history.IsValid ? _cache.Verdict : Verdicts.Inconsistent);
    }

    /// <inheritdoc/>
    public LinearizabilityTester<TThread, TSpec, TOp, TRet> OnReturn(TThread thread, TRet ret)
    {
        var history = _history.Return(thread, ret);
        if (ReferenceEquals(history, _history)) return this;
        // An extension of a non-linearizable history is never linearizable.
        var verdict = !history.IsValid || _cache.Verdict == Verdicts.Inconsistent ? Verdicts.Inconsistent : Verdicts.Unknown;
        return new(_initial, history, verdict);
    }

    /// <inheritdoc/>
    public LinearizabilityTester<TThread, TSpec, TOp, TRet> OnInvokeReturn(TThread thread, TOp op, TRet ret) =>
        OnInvoke(thread, op).OnReturn(thread, ret);

    /// <summary>Whether the recorded history is linearizable; <see langword="false"/> if the tester was misused.</summary>
    public bool IsConsistent() => _cache.IsConsistent(this, static tester => tester.Search());

    /// <summary>
    /// A total order of the recorded operations that the reference object accepts and that respects
    /// each thread's program order and real time, with the value each operation returned (for
    /// operations still in flight that the order includes, the value the reference object returns).
    /// In-flight operations the order does not need are left out.
    /// </summary>
    /// <returns>The order, or <see langword="null"/> if the history is not linearizable or the tester was misused.</returns>
    public IReadOnlyList<(TOp Op, TRet Ret)>? SerializedHistory() => _cache.Serialization(this, static tester => tester.Search());

    /// <summary>A fingerprint of the logical history; see the remarks on the class.</summary>
    public ulong GetFingerprint() => _cache.Fingerprint(this, static tester =>
        Fingerprint.Combine(KindTag, Fingerprint.Of(tester._initial), tester._history.GetFingerprint()));

    /// <summary>
    /// The tester with the actor ids in its threads, operations, return values and reference object
    /// renamed (for symmetry reduction of actor models): the same history told about renamed actors.
    /// </summary>
    public LinearizabilityTester<TThread, TSpec, TOp, TRet> Rewrite(Actors.IdPermutation permutation) =>
        new(permutation.Rewrite(_initial), _history.Rewrite(permutation), Verdicts.Unknown);

    /// <summary>Whether <paramref name="other"/> records the same logical history from an equal reference object.</summary>
    /// <param name="other">The tester to compare with.</param>
    public bool Equals([NotNullWhen(true)] LinearizabilityTester<TThread, TSpec, TOp, TRet>? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (EqualityComparer<TSpec>.Default.Equals(_initial, other._initial) && _history.ContentEquals(other._history)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LinearizabilityTester<TThread, TSpec, TOp, TRet>);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_initial, _history.ContentHashCode());

    /// <summary>
    /// Renders the history per thread, for example
    /// <c>LinearizabilityTester {0: [Write('B') → WriteOk], 1: [Read (in flight)]}</c>, threads in
    /// their natural order (or a fixed one if they are not comparable). The real-time order between
    /// threads is not shown.
    /// </summary>
    public override string ToString()
    {
        var sb = new StringBuilder("LinearizabilityTester ");
        _history.AppendTo(sb);
        return sb.ToString();
    }

    // Searched once per distinct history (per process), however many states hold it.
    private (TOp Op, TRet Ret)[]? Search() =>
        HistoryMemo<LinearizabilityTester<TThread, TSpec, TOp, TRet>, (TOp Op, TRet Ret)[]?>.GetOrSearch(
            this, GetFingerprint(), static tester => HistorySearch<TSpec, TOp, TRet>.Serialize(tester._initial, tester._history));
}
