using System.Collections.Concurrent;

namespace Stateright.Testing;

/// <summary>
/// One checker run per model method and options, shared by the method's property cases: the first
/// case to ask starts it, the others await the same run. The run is cancelled when every case waiting
/// on it has been cancelled, and forgotten once each of its properties has reported (or, failing that,
/// when it is among the oldest of too many finished runs), so a long-lived test host does not keep
/// every result it ever computed.
/// </summary>
internal static class ModelRunCache
{
    /// <summary>How many finished runs may wait for their remaining cases before the oldest is forgotten.</summary>
    internal const int MaxRetainedRuns = 64;

    private static readonly ConcurrentDictionary<string, ModelRun> s_runs = new();
    private static int s_runCount;

    /// <summary>How many checker runs have started in this process (for tests of the once-per-method rule).</summary>
    public static int RunsStarted => Volatile.Read(ref s_runCount);

    /// <summary>How many runs are remembered now (for tests of forgetting).</summary>
    public static int RunsRetained => s_runs.Count;

    /// <summary>
    /// The shared run for <paramref name="key"/>, started on first request by <paramref name="start"/>
    /// (which receives the run's number in this process and the run's cancellation token).
    /// </summary>
    public static ModelRun GetOrStart(string key, Func<int, ModelRun, CancellationToken, Task<ModelRunRecord>> start)
    {
        while (true)
        {
            var run = s_runs.GetOrAdd(key, static (k, start) => new ModelRun(k, start), start);
            if (run.TryStart()) return run;
            // A run whose waiters all left was cancelled and removed; ask again for a fresh one.
            s_runs.TryRemove(new KeyValuePair<string, ModelRun>(key, run));
        }
    }

    /// <summary>The run remembered for <paramref name="key"/>, if any.</summary>
    internal static ModelRun? TryGet(string key) => s_runs.TryGetValue(key, out var run) ? run : null;

    internal static int NextRunNumber() => Interlocked.Increment(ref s_runCount);

    internal static void Forget(ModelRun run)
    {
        s_runs.TryRemove(new KeyValuePair<string, ModelRun>(run.Key, run));
        TrimFinished();
    }

    private static void TrimFinished()
    {
        var finished = s_runs.Values.Where(r => r.IsFinished).ToArray();
        if (finished.Length <= MaxRetainedRuns) return;
        foreach (var old in finished.OrderBy(r => r.Number).Take(finished.Length - MaxRetainedRuns))
            s_runs.TryRemove(new KeyValuePair<string, ModelRun>(old.Key, old));
    }

    /// <summary>Called when a run finishes, to bound how many finished runs are kept.</summary>
    internal static void OnFinished() => TrimFinished();
}

/// <summary>A checker run's result, or why the model could not be built or checked, with the output it wrote.</summary>
/// <param name="Result">The run's verdicts, or null when it failed.</param>
/// <param name="Failure">What went wrong before or while checking, or null.</param>
/// <param name="Output">Header and progress lines (the run's <see cref="ModelRun.Lines"/>).</param>
internal sealed record ModelRunRecord(ModelRunResult? Result, string? Failure, IReadOnlyList<string> Output);

/// <summary>One shared checker run: its task, its waiters, its live progress listeners.</summary>
internal sealed class ModelRun(string key, Func<int, ModelRun, CancellationToken, Task<ModelRunRecord>> start)
{
    private readonly object _gate = new();
    private readonly CancellationTokenSource _cancellation = new();
    private readonly List<ModelTestProgress> _listeners = [];
    private readonly ConsoleThrottle _console = new(ModelTestProgress.ConsoleInterval);
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly List<string> _lines = [];
    private readonly List<string> _unheard = []; // console lines written while no case was waiting (the header can beat the first case's wait)
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private Task<ModelRunRecord>? _task;
    private string? _lastPeriodic;
    private int _waiters;
    private bool _abandoned;

    public string Key { get; } = key;

    public int Number { get; private set; }

    public bool IsFinished => _task?.IsCompleted == true;

    /// <summary>The run itself (it ends when the checker has stopped).</summary>
    public Task<ModelRunRecord> Completion => _task ?? throw new InvalidOperationException("The run has not started.");

    /// <summary>Starts the run if it has not started; false if it was abandoned (all waiters cancelled).</summary>
    public bool TryStart()
    {
        lock (_gate)
        {
            if (_abandoned) return false;
            if (_task is not null) return true;
            Number = ModelRunCache.NextRunNumber();
            _task = Task.Run(() => start(Number, this, _cancellation.Token));
            _task.ContinueWith(static _ => ModelRunCache.OnFinished(), TaskScheduler.Default);
            return true;
        }
    }

    /// <summary>Records an output line of the run and sends it to every case waiting now (and to their consoles).</summary>
    public void Progress(string line) => Write(line, periodic: false);

    /// <summary>Records a periodic progress line; it reaches the waiting cases' consoles only every <see cref="ModelTestProgress.ConsoleInterval"/>.</summary>
    public void Periodic(string line) => Write(line, periodic: true);

    private void Write(string line, bool periodic)
    {
        // Under the lock, so that no line reaches a listener after its wait has ended, and every
        // listener sees the lines in the order of Lines.
        lock (_gate)
        {
            _lines.Add(line);
            if (periodic) _lastPeriodic = line;
            var console = _console.Admit(line, periodic, _clock.Elapsed);
            if (_listeners.Count == 0) _unheard.AddRange(console);
            foreach (var listener in _listeners)
            {
                Notify(listener.Output, line);
                foreach (var shown in console) Notify(listener.Console, shown);
            }
        }
    }

    /// <summary>The run's latest periodic progress line ("Checking. states=…, depth=…, sec=…"), or null before the first.</summary>
    public string? LastProgress
    {
        get { lock (_gate) return _lastPeriodic; }
    }

    /// <summary>The run's output lines so far (header, progress, summary), in order.</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (_gate) return _lines.ToArray(); }
    }

    private static void Notify(Action<string>? listener, string line)
    {
        if (listener is null) return;
        try { listener(line); }
        catch (Exception) { /* a front end's output channel must not stop the checker */ }
    }

    /// <summary>
    /// Waits for the run; <paramref name="progress"/>'s output first receives the lines written so far,
    /// then each new one; its console receives the throttled new lines (and those no case heard, such as
    /// a header written before the first case began to wait). Cancelling <paramref name="cancellationToken"/>
    /// stops this wait; when it was the last waiter of an unfinished run, the checker is cancelled too and
    /// the run is forgotten.
    /// </summary>
    public async Task<ModelRunRecord> WaitAsync(ModelTestProgress? progress, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _waiters++;
            if (progress is not null)
            {
                // A case that joins a run already under way sees its header and progress so far.
                foreach (var line in _lines) Notify(progress.Output, line);
                if (progress.Console is not null)
                {
                    foreach (var line in _unheard) Notify(progress.Console, line);
                    _unheard.Clear();
                }
                _listeners.Add(progress);
            }
        }
        try
        {
            return await _task!.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            bool cancelRun;
            lock (_gate)
            {
                cancelRun = _waiters == 1 && !_task!.IsCompleted;
                if (cancelRun) _abandoned = true;
            }
            if (cancelRun)
            {
                await _cancellation.CancelAsync().ConfigureAwait(false);
                ModelRunCache.Forget(this);
            }
            throw;
        }
        finally
        {
            lock (_gate)
            {
                _waiters--;
                if (progress is not null) _listeners.Remove(progress);
            }
        }
    }

    /// <summary>Records that <paramref name="property"/>'s case reported; forgets the run once all <paramref name="total"/> have.</summary>
    public void Reported(string property, int total)
    {
        bool all;
        lock (_gate)
        {
            _reported.Add(property);
            all = _reported.Count >= total;
        }
        if (all) ModelRunCache.Forget(this);
    }
}
