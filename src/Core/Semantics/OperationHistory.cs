using System.Collections.Immutable;
using System.Text;
using static Stateright.FingerprintMath;

namespace Stateright.Semantics;

/// <summary>
/// One recorded operation: the operation, its return value once it has completed, and (for testers
/// that respect real time) how many operations of each other thread had completed when it was invoked.
/// </summary>
/// <remarks>
/// The "completed before" counts are exactly the real-time precedence relation: operation <c>i</c> of
/// thread <c>p</c> returned before this one was invoked iff <c>CompletedBefore[p] &gt; i</c>. Storing
/// the relation rather than timestamps keeps histories that differ only in irrelevant interleavings
/// equal, which keeps model state spaces small.
/// </remarks>
internal sealed class RecordedOperation<TThread, TOp, TRet>
    where TThread : notnull
{
    private ulong _fingerprint; // 0 until computed

    public RecordedOperation(TOp op, ImmutableArray<KeyValuePair<TThread, int>> completedBefore)
    {
        Op = op;
        Ret = default!;
        CompletedBefore = completedBefore;
    }

    private RecordedOperation(TOp op, TRet ret, ImmutableArray<KeyValuePair<TThread, int>> completedBefore)
    {
        Op = op;
        Ret = ret;
        IsComplete = true;
        CompletedBefore = completedBefore;
    }

    public TOp Op { get; }

    /// <summary>The return value; meaningless while <see cref="IsComplete"/> is false.</summary>
    public TRet Ret { get; }

    public bool IsComplete { get; }

    /// <summary>For each other thread with completed operations at invocation time, how many; empty when real time is not tracked.</summary>
    public ImmutableArray<KeyValuePair<TThread, int>> CompletedBefore { get; }

    public RecordedOperation<TThread, TOp, TRet> Complete(TRet ret) => new(Op, ret, CompletedBefore);

    /// <summary>The operation with actor ids renamed (symmetry reduction).</summary>
    public RecordedOperation<TThread, TOp, TRet> Rewrite(Actors.IdPermutation p) =>
        IsComplete ? new(p.Rewrite(Op), p.Rewrite(Ret), p.Rewrite(CompletedBefore)) : new(p.Rewrite(Op), p.Rewrite(CompletedBefore));

    /// <summary>The operation's fingerprint, computed once: completed operations are shared by every later history.</summary>
    public ulong GetFingerprint()
    {
        var cached = Volatile.Read(ref _fingerprint);
        if (cached != 0) return cached;
        cached = ComputeFingerprint();
        if (cached == 0) cached = 1;
        Volatile.Write(ref _fingerprint, cached);
        return cached;
    }

    private ulong ComputeFingerprint()
    {
        var h = IsComplete
            ? Combine(Combine(0x434F_4D50_4C45_5445UL, Fingerprint.Of(Op)), Fingerprint.Of(Ret))
            : Combine(0x494E_464C_4947_4854UL, Fingerprint.Of(Op));
        if (CompletedBefore.IsDefaultOrEmpty) return h;
        ulong sum = 0;
        foreach (var (thread, count) in CompletedBefore) sum += Mix(Combine(Fingerprint.Of(thread), (ulong)count));
        return Combine(h, Combine(Seed(0x5245_414C_5449_4D45UL, CompletedBefore.Length), sum));
    }

    public bool ContentEquals(RecordedOperation<TThread, TOp, TRet> other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (IsComplete != other.IsComplete) return false;
        if (!EqualityComparer<TOp>.Default.Equals(Op, other.Op)) return false;
        if (IsComplete && !EqualityComparer<TRet>.Default.Equals(Ret, other.Ret)) return false;
        return SameCounts(CompletedBefore, other.CompletedBefore);
    }

    public int ContentHashCode() => IsComplete ? HashCode.Combine(Op, Ret) : HashCode.Combine(Op);

    public void AppendTo(StringBuilder sb)
    {
        ValueText.Append(sb, Op);
        if (IsComplete) ValueText.Append(sb.Append(" → "), Ret);
        else sb.Append(" (in flight)");
    }

    private static bool SameCounts(ImmutableArray<KeyValuePair<TThread, int>> a, ImmutableArray<KeyValuePair<TThread, int>> b)
    {
        var lengthA = a.IsDefault ? 0 : a.Length;
        var lengthB = b.IsDefault ? 0 : b.Length;
        if (lengthA != lengthB) return false;
        if (lengthA == 0) return true;
        var comparer = EqualityComparer<TThread>.Default;
        foreach (var (thread, count) in a)
        {
            var found = false;
            foreach (var (otherThread, otherCount) in b)
            {
                if (!comparer.Equals(thread, otherThread)) continue;
                found = count == otherCount;
                break;
            }
            if (!found) return false;
        }
        return true;
    }
}

/// <summary>One thread's operations: the completed ones in program order, then at most one in flight.</summary>
internal sealed class ThreadLog<TThread, TOp, TRet>
    where TThread : notnull
{
    public static readonly ThreadLog<TThread, TOp, TRet> Empty = new(ImmutableList<RecordedOperation<TThread, TOp, TRet>>.Empty, null);

    private ulong _fingerprint; // 0 until computed; the log is immutable, so the cache never goes stale

    private ThreadLog(ImmutableList<RecordedOperation<TThread, TOp, TRet>> completed, RecordedOperation<TThread, TOp, TRet>? inFlight)
    {
        Completed = completed;
        InFlight = inFlight;
    }

    public ImmutableList<RecordedOperation<TThread, TOp, TRet>> Completed { get; }

    public RecordedOperation<TThread, TOp, TRet>? InFlight { get; }

    public ThreadLog<TThread, TOp, TRet> WithInFlight(RecordedOperation<TThread, TOp, TRet> op) => new(Completed, op);

    public ThreadLog<TThread, TOp, TRet> CompleteInFlight(TRet ret) => new(Completed.Add(InFlight!.Complete(ret)), null);

    /// <summary>The log with actor ids renamed (symmetry reduction).</summary>
    public ThreadLog<TThread, TOp, TRet> Rewrite(Actors.IdPermutation p) =>
        new(ImmutableList.CreateRange(Completed.Select(op => op.Rewrite(p))), InFlight?.Rewrite(p));

    public ulong GetFingerprint()
    {
        var cached = Volatile.Read(ref _fingerprint);
        if (cached != 0) return cached;
        var h = Seed(0x5448_5245_4144_4C4FUL, Completed.Count);
        foreach (var op in Completed) h = Combine(h, op.GetFingerprint());
        h = Combine(h, InFlight is null ? Fingerprint.Null : InFlight.GetFingerprint());
        if (h == 0) h = 1;
        Volatile.Write(ref _fingerprint, h);
        return h;
    }

    public bool ContentEquals(ThreadLog<TThread, TOp, TRet> other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (Completed.Count != other.Completed.Count) return false;
        if (InFlight is null != other.InFlight is null) return false;
        if (InFlight is not null && !InFlight.ContentEquals(other.InFlight!)) return false;
        using var mine = Completed.GetEnumerator();
        using var theirs = other.Completed.GetEnumerator();
        while (mine.MoveNext() && theirs.MoveNext())
        {
            if (!mine.Current.ContentEquals(theirs.Current)) return false;
        }
        return true;
    }

    public int ContentHashCode()
    {
        var hash = new HashCode();
        foreach (var op in Completed) hash.Add(op.ContentHashCode());
        hash.Add(InFlight?.ContentHashCode() ?? -1);
        return hash.ToHashCode();
    }

    public void AppendTo(StringBuilder sb)
    {
        sb.Append('[');
        var first = true;
        foreach (var op in Completed)
        {
            if (!first) sb.Append(", ");
            first = false;
            op.AppendTo(sb);
        }
        if (InFlight is not null)
        {
            if (!first) sb.Append(", ");
            InFlight.AppendTo(sb);
        }
        sb.Append(']');
    }
}

/// <summary>
/// The immutable per-thread history shared by the consistency testers: who invoked what, what
/// returned, and (optionally) the real-time order between operations. Every recording method returns a
/// new history; unchanged threads' logs are shared between the old and the new one.
/// </summary>
/// <remarks>
/// Threads are kept in a small array in order of first appearance (model histories have a handful of
/// threads, so a linear lookup and an array copy per event beat a hash map). Equality and fingerprints
/// treat the threads as a map, so that order never matters.
/// </remarks>
internal sealed class OperationHistory<TThread, TOp, TRet>
    where TThread : notnull
{
    private static readonly EqualityComparer<TThread> s_threadComparer = EqualityComparer<TThread>.Default;

    private readonly ImmutableArray<ThreadEntry> _threads;

    private OperationHistory(bool tracksRealTime, ImmutableArray<ThreadEntry> threads, int count, string? invalidReason)
    {
        TracksRealTime = tracksRealTime;
        _threads = threads;
        Count = count;
        InvalidReason = invalidReason;
    }

    /// <summary>An empty history; <paramref name="tracksRealTime"/> records real-time precedence (for linearizability).</summary>
    public static OperationHistory<TThread, TOp, TRet> Create(bool tracksRealTime) => new(tracksRealTime, [], 0, null);

    public bool TracksRealTime { get; }

    public int Count { get; }

    /// <summary>Why the history is malformed, or null while it is well-formed.</summary>
    public string? InvalidReason { get; }

    public bool IsValid => InvalidReason is null;

    public OperationHistory<TThread, TOp, TRet> Invoke(TThread thread, TOp op)
    {
        if (!IsValid) return this;
        var index = IndexOf(thread);
        var log = index < 0 ? null : _threads[index].Log;
        if (log?.InFlight is { } pending)
        {
            return Invalid(
                $"Thread {ValueText.Format(thread)} invoked {ValueText.Format(op)} while its operation {ValueText.Format(pending.Op)} was still in flight " +
                $"(its history: {Describe(log)}).");
        }
        var recorded = new RecordedOperation<TThread, TOp, TRet>(op, TracksRealTime ? CompletedCountsExcept(index) : []);
        var threads = index < 0
            ? _threads.Add(new ThreadEntry(thread, ThreadLog<TThread, TOp, TRet>.Empty.WithInFlight(recorded)))
            : _threads.SetItem(index, new ThreadEntry(thread, log!.WithInFlight(recorded)));
        return new(TracksRealTime, threads, Count + 1, null);
    }

    public OperationHistory<TThread, TOp, TRet> Return(TThread thread, TRet ret)
    {
        if (!IsValid) return this;
        var index = IndexOf(thread);
        var log = index < 0 ? null : _threads[index].Log;
        if (log?.InFlight is null)
        {
            return Invalid(
                $"Thread {ValueText.Format(thread)} returned {ValueText.Format(ret)} without an operation in flight " +
                $"(its history: {(log is null ? "[]" : Describe(log))}).");
        }
        return new(TracksRealTime, _threads.SetItem(index, new ThreadEntry(thread, log.CompleteInFlight(ret))), Count, null);
    }

    /// <summary>The history with actor ids renamed in threads, operations and return values (symmetry reduction); threads stay a map, so their order does not matter.</summary>
    public OperationHistory<TThread, TOp, TRet> Rewrite(Actors.IdPermutation p)
    {
        var threads = ImmutableArray.CreateBuilder<ThreadEntry>(_threads.Length);
        foreach (var (thread, log) in _threads) threads.Add(new ThreadEntry(p.Rewrite(thread), log.Rewrite(p)));
        return new(TracksRealTime, threads.MoveToImmutable(), Count, InvalidReason);
    }

    /// <summary>The threads and their logs, in a deterministic order (see <see cref="ThreadOrder{TThread}"/>).</summary>
    public (TThread[] Threads, ThreadLog<TThread, TOp, TRet>[] Logs) Ordered()
    {
        var threads = new TThread[_threads.Length];
        var logs = new ThreadLog<TThread, TOp, TRet>[_threads.Length];
        for (var i = 0; i < threads.Length; i++) (threads[i], logs[i]) = _threads[i];
        ThreadOrder<TThread>.Sort(threads, logs);
        return (threads, logs);
    }

    public ulong GetFingerprint()
    {
        ulong sum = 0;
        foreach (var (thread, log) in _threads) sum += Mix(Combine(Fingerprint.Of(thread), log.GetFingerprint()));
        var h = Combine(Seed(TracksRealTime ? 0x4C49_4E45_4152_495AUL : 0x5345_5143_4F4E_5354UL, _threads.Length), sum);
        return Combine(h, IsValid ? 0x56414C4944UL : 0x494E56414C4944UL);
    }

    public bool ContentEquals(OperationHistory<TThread, TOp, TRet> other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (TracksRealTime != other.TracksRealTime || IsValid != other.IsValid || Count != other.Count || _threads.Length != other._threads.Length) return false;
        foreach (var (thread, log) in _threads)
        {
            var index = other.IndexOf(thread);
            if (index < 0 || !log.ContentEquals(other._threads[index].Log)) return false;
        }
        return true;
    }

    public int ContentHashCode()
    {
        var sum = 0;
        foreach (var (thread, log) in _threads) sum += HashCode.Combine(thread, log.ContentHashCode());
        return HashCode.Combine(sum, Count, IsValid);
    }

    /// <summary>Renders <c>{0: [Write('B') → WriteOk, Read (in flight)], 1: []}</c>, threads in deterministic order.</summary>
    public void AppendTo(StringBuilder sb)
    {
        var (threads, logs) = Ordered();
        sb.Append('{');
        for (var i = 0; i < threads.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            ValueText.Append(sb, threads[i]).Append(": ");
            logs[i].AppendTo(sb);
        }
        sb.Append('}');
        if (InvalidReason is not null) sb.Append(" (invalid: ").Append(InvalidReason).Append(')');
    }

    private int IndexOf(TThread thread)
    {
        for (var i = 0; i < _threads.Length; i++)
        {
            if (s_threadComparer.Equals(_threads[i].Thread, thread)) return i;
        }
        return -1;
    }

    private OperationHistory<TThread, TOp, TRet> Invalid(string reason) => new(TracksRealTime, _threads, Count, reason);

    /// <summary>For each thread other than the one at <paramref name="self"/> with completed operations, how many.</summary>
    private ImmutableArray<KeyValuePair<TThread, int>> CompletedCountsExcept(int self)
    {
        var builder = default(ImmutableArray<KeyValuePair<TThread, int>>.Builder);
        for (var i = 0; i < _threads.Length; i++)
        {
            var (thread, log) = _threads[i];
            if (i == self || log.Completed.Count == 0) continue;
            builder ??= ImmutableArray.CreateBuilder<KeyValuePair<TThread, int>>(_threads.Length);
            builder.Add(new KeyValuePair<TThread, int>(thread, log.Completed.Count));
        }
        return builder is null ? [] : builder.ToImmutable();
    }

    private static string Describe(ThreadLog<TThread, TOp, TRet> log)
    {
        var sb = new StringBuilder();
        log.AppendTo(sb);
        return sb.ToString();
    }

    private readonly record struct ThreadEntry(TThread Thread, ThreadLog<TThread, TOp, TRet> Log);
}

/// <summary>
/// A deterministic order of thread identifiers, so that searches and printed histories do not depend
/// on hash codes: the natural order for comparable types (ordinal for strings), otherwise the order of
/// their fingerprints.
/// </summary>
internal static class ThreadOrder<TThread>
{
    private static readonly IComparer<TThread>? s_comparer =
        typeof(TThread) == typeof(string) ? (IComparer<TThread>)StringComparer.Ordinal
        : typeof(IComparable<TThread>).IsAssignableFrom(typeof(TThread)) || typeof(IComparable).IsAssignableFrom(typeof(TThread)) ? Comparer<TThread>.Default
        : null;

    /// <summary>Sorts <paramref name="threads"/>, permuting <paramref name="items"/> alongside.</summary>
    public static void Sort<TItem>(TThread[] threads, TItem[] items)
    {
        if (threads.Length < 2) return;
        if (s_comparer is not null)
        {
            Array.Sort(threads, items, s_comparer);
            return;
        }
        var keys = new ulong[threads.Length];
        var order = new int[threads.Length];
        for (var i = 0; i < threads.Length; i++)
        {
            keys[i] = Fingerprint.Of(threads[i]);
            order[i] = i;
        }
        Array.Sort(keys, order);
        var sortedThreads = new TThread[threads.Length];
        var sortedItems = new TItem[threads.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sortedThreads[i] = threads[order[i]];
            sortedItems[i] = items[order[i]];
        }
        sortedThreads.CopyTo(threads, 0);
        sortedItems.CopyTo(items, 0);
    }
}
