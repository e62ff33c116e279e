using System.Diagnostics.CodeAnalysis;

namespace Stateright.Semantics;

/// <summary>
/// The search shared by the consistency testers: a depth-first search for a total order of the
/// recorded operations that the reference object accepts. Each thread's operations keep their program
/// order; an operation in flight may be placed (after all of its thread's completed operations, with
/// whatever value the reference object returns) or left out; and, when the history tracks real time,
/// an operation is placed only after every operation that returned before it was invoked.
/// </summary>
/// <remarks>
/// Threads are tried in <see cref="ThreadOrder{TThread}"/>, so the order found is deterministic.
/// Configurations (how far each thread has been placed, and the reference object's state) already
/// known to lead nowhere are remembered, so the search does not explore the same dead end twice when
/// <typeparamref name="TSpec"/> has value equality.
/// </remarks>
internal sealed class HistorySearch<TSpec, TOp, TRet>
    where TSpec : ISequentialSpec<TSpec, TOp, TRet>
{
    private readonly Step[][] _completed; // per thread, in program order
    private readonly Step[] _inFlight; // per thread; meaningful where _hasInFlight
    private readonly bool[] _hasInFlight;
    private readonly int[] _progress; // per thread: completed operations placed, +1 once the in-flight one is placed
    private readonly List<(TOp Op, TRet Ret)> _order;
    private HashSet<Configuration>? _deadEnds;

    private HistorySearch(Step[][] completed, Step[] inFlight, bool[] hasInFlight, int capacity)
    {
        _completed = completed;
        _inFlight = inFlight;
        _hasInFlight = hasInFlight;
        _progress = new int[completed.Length];
        _order = new List<(TOp, TRet)>(capacity);
    }

    /// <summary>A valid total order of <paramref name="history"/> starting from <paramref name="initial"/>, or null if there is none.</summary>
    public static (TOp Op, TRet Ret)[]? Serialize<TThread>(TSpec initial, OperationHistory<TThread, TOp, TRet> history)
        where TThread : notnull
    {
        if (!history.IsValid) return null;
        var (threads, logs) = history.Ordered();
        var n = threads.Length;
        Func<TThread, int>? index = null;
        if (history.TracksRealTime && n > 1) index = IndexFunction(threads);

        var completed = new Step[n][];
        var inFlight = new Step[n];
        var hasInFlight = new bool[n];
        var remaining = 0;
        for (var t = 0; t < n; t++)
        {
            var log = logs[t];
            var steps = new Step[log.Completed.Count];
            var i = 0;
            foreach (var op in log.Completed) steps[i++] = new Step(op.Op, op.Ret, Requirements(op, index));
            completed[t] = steps;
            remaining += steps.Length;
            if (log.InFlight is { } pending)
            {
                inFlight[t] = new Step(pending.Op, default!, Requirements(pending, index));
                hasInFlight[t] = true;
            }
        }

        var search = new HistorySearch<TSpec, TOp, TRet>(completed, inFlight, hasInFlight, history.Count);
        return search.Run(initial, remaining) ? [.. search._order] : null;
    }

    /// <summary>Maps a thread to its position: a linear scan for the usual handful of threads, a dictionary beyond.</summary>
    private static Func<TThread, int> IndexFunction<TThread>(TThread[] threads)
        where TThread : notnull
    {
        if (threads.Length > 8)
        {
            var map = new Dictionary<TThread, int>(threads.Length);
            for (var i = 0; i < threads.Length; i++) map[threads[i]] = i;
            return thread => map[thread];
        }
        var comparer = EqualityComparer<TThread>.Default;
        return thread =>
        {
            for (var i = 0; i < threads.Length; i++)
            {
                if (comparer.Equals(threads[i], thread)) return i;
            }
            throw new InvalidOperationException("A recorded operation refers to an unknown thread.");
        };
    }

    private static Requirement[]? Requirements<TThread>(RecordedOperation<TThread, TOp, TRet> op, Func<TThread, int>? index)
        where TThread : notnull
    {
        if (index is null || op.CompletedBefore.IsDefaultOrEmpty) return null;
        var requirements = new Requirement[op.CompletedBefore.Length];
        var i = 0;
        foreach (var (thread, count) in op.CompletedBefore) requirements[i++] = new Requirement(index(thread), count);
        return requirements;
    }

    /// <summary>
    /// Depth-first search with an explicit stack (histories can be long; recursion could exhaust the
    /// thread's stack). Each frame is a configuration: the reference object after the operations placed
    /// so far, how many completed operations remain, the next thread to try, and the thread whose
    /// operation was placed to reach it.
    /// </summary>
    private bool Run(TSpec initial, int remaining)
    {
        var stack = new List<Frame>(_order.Capacity + 1) { new(initial, remaining, PlacedThread: -1) };
        while (stack.Count > 0)
        {
            var top = stack.Count - 1;
            var frame = stack[top];
            if (frame.Remaining == 0) return true; // operations still in flight may be left out

            var advanced = false;
            for (var t = frame.NextThread; t < _completed.Length; t++)
            {
                if (!TryPlace(t, frame.Spec, out var next, out var completes)) continue;
                if (_deadEnds is not null && _deadEnds.Contains(new Configuration(_progress, next)))
                {
                    Unplace(t);
                    continue;
                }
                stack[top] = frame with { NextThread = t + 1 };
                stack.Add(new Frame(next, completes ? frame.Remaining - 1 : frame.Remaining, PlacedThread: t));
                advanced = true;
                break;
            }
            if (advanced) continue;

            // Every way forward from here fails: remember it, and backtrack.
            _deadEnds ??= new HashSet<Configuration>(ConfigurationComparer.Instance);
            _deadEnds.Add(new Configuration((int[])_progress.Clone(), frame.Spec));
            stack.RemoveAt(top);
            if (frame.PlacedThread >= 0) Unplace(frame.PlacedThread);
        }
        return false;
    }

    /// <summary>
    /// Places thread <paramref name="t"/>'s next operation after <paramref name="spec"/> if program
    /// order, real time and the reference object allow it: its next completed operation, or once those
    /// are all placed, its operation in flight (with whatever the reference object returns).
    /// </summary>
    private bool TryPlace(int t, TSpec spec, [MaybeNullWhen(false)] out TSpec next, out bool completes)
    {
        var steps = _completed[t];
        var placed = _progress[t];
        if (placed < steps.Length)
        {
            ref readonly var step = ref steps[placed];
            completes = true;
            if (!RealTimeAllows(step.Requirements) || !spec.IsValidStep(step.Op, step.Ret, out next))
            {
                next = default;
                return false;
            }
            _progress[t] = placed + 1;
            _order.Add((step.Op, step.Ret));
            return true;
        }
        if (placed == steps.Length && _hasInFlight[t])
        {
            ref readonly var step = ref _inFlight[t];
            completes = false;
            if (!RealTimeAllows(step.Requirements))
            {
                next = default;
                return false;
            }
            (next, var ret) = spec.Invoke(step.Op);
            _progress[t] = placed + 1;
            _order.Add((step.Op, ret));
            return true;
        }
        next = default;
        completes = false;
        return false;
    }

    private void Unplace(int t)
    {
        _progress[t]--;
        _order.RemoveAt(_order.Count - 1);
    }

    /// <summary>Whether every operation that returned before this one was invoked has been placed.</summary>
    private bool RealTimeAllows(Requirement[]? requirements)
    {
        if (requirements is null) return true;
        foreach (var requirement in requirements)
        {
            if (_progress[requirement.Thread] < requirement.Count) return false;
        }
        return true;
    }

    private readonly record struct Step(TOp Op, TRet Ret, Requirement[]? Requirements);

    private readonly record struct Frame(TSpec Spec, int Remaining, int PlacedThread)
    {
        public int NextThread { get; init; }
    }

    /// <summary>The first <see cref="Count"/> operations of <see cref="Thread"/> must be placed first.</summary>
    private readonly record struct Requirement(int Thread, int Count);

    /// <summary>A point in the search. Lookups use the live progress array; stored entries own a copy.</summary>
    private readonly struct Configuration(int[] progress, TSpec spec)
    {
        public readonly int[] Progress = progress;
        public readonly TSpec Spec = spec;
    }

    private sealed class ConfigurationComparer : IEqualityComparer<Configuration>
    {
        public static readonly ConfigurationComparer Instance = new();

        public bool Equals(Configuration x, Configuration y) =>
            x.Progress.AsSpan().SequenceEqual(y.Progress) && EqualityComparer<TSpec>.Default.Equals(x.Spec, y.Spec);

        public int GetHashCode(Configuration obj)
        {
            var hash = new HashCode();
            foreach (var p in obj.Progress) hash.Add(p);
            hash.Add(obj.Spec);
            return hash.ToHashCode();
        }
    }
}
