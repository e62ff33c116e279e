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
        var threads = history.OrderedThreads();
        var n = threads.Length;
        Dictionary<TThread, int>? index = null;
        if (history.TracksRealTime && n > 1)
        {
            index = new Dictionary<TThread, int>(n, history.Logs.KeyComparer);
            for (var i = 0; i < n; i++) index[threads[i]] = i;
        }

        var completed = new Step[n][];
        var inFlight = new Step[n];
        var hasInFlight = new bool[n];
        var remaining = 0;
        for (var t = 0; t < n; t++)
        {
            var log = history.Logs[threads[t]];
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
        return search.Visit(initial, remaining) ? [.. search._order] : null;
    }

    private static Requirement[]? Requirements<TThread>(RecordedOperation<TThread, TOp, TRet> op, Dictionary<TThread, int>? index)
        where TThread : notnull
    {
        if (index is null || op.CompletedBefore.IsDefaultOrEmpty) return null;
        var requirements = new Requirement[op.CompletedBefore.Length];
        var i = 0;
        foreach (var (thread, count) in op.CompletedBefore) requirements[i++] = new Requirement(index[thread], count);
        return requirements;
    }

    /// <summary>Extends the order from <paramref name="spec"/>; <paramref name="remaining"/> counts completed operations not yet placed.</summary>
    private bool Visit(TSpec spec, int remaining)
    {
        if (remaining == 0) return true; // operations still in flight may be left out
        if (_deadEnds is not null && _deadEnds.Contains(new Configuration(_progress, spec))) return false;

        for (var t = 0; t < _completed.Length; t++)
        {
            var steps = _completed[t];
            var placed = _progress[t];
            if (placed < steps.Length)
            {
                ref readonly var step = ref steps[placed];
                if (!RealTimeAllows(step.Requirements)) continue;
                if (!spec.IsValidStep(step.Op, step.Ret, out var next)) continue;
                _progress[t] = placed + 1;
                _order.Add((step.Op, step.Ret));
                if (Visit(next, remaining - 1)) return true;
                _order.RemoveAt(_order.Count - 1);
                _progress[t] = placed;
            }
            else if (placed == steps.Length && _hasInFlight[t])
            {
                ref readonly var step = ref _inFlight[t];
                if (!RealTimeAllows(step.Requirements)) continue;
                var (next, ret) = spec.Invoke(step.Op);
                _progress[t] = placed + 1;
                _order.Add((step.Op, ret));
                if (Visit(next, remaining)) return true;
                _order.RemoveAt(_order.Count - 1);
                _progress[t] = placed;
            }
        }

        _deadEnds ??= new HashSet<Configuration>(ConfigurationComparer.Instance);
        _deadEnds.Add(new Configuration((int[])_progress.Clone(), spec));
        return false;
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
