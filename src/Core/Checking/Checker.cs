using System.Diagnostics;

namespace Stateright;

/// <summary>
/// A running (or finished) model checker. Start one with <see cref="CheckerBuilder{TState, TAction}"/>;
/// it checks on background threads until <see cref="IsDone"/>. Statistics can be read while it runs;
/// discoveries are final once it is done.
/// </summary>
public sealed partial class Checker<TState, TAction>
{
    private readonly Engine<TState, TAction> _engine;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
    private IReadOnlyDictionary<string, Path<TState, TAction>> _discoveries = new Dictionary<string, Path<TState, TAction>>();
    private volatile bool _isDone;
    private TimeSpan _elapsed;

    private readonly string _fairnessDescription;

    private Checker(Engine<TState, TAction> engine, string fairnessDescription)
    {
        _engine = engine;
        _fairnessDescription = fairnessDescription;
    }

    internal static Checker<TState, TAction> Start(Engine<TState, TAction> engine, CheckerBuilder<TState, TAction> options)
    {
        var checker = new Checker<TState, TAction>(engine, options.FairnessDescriptionValue ?? options.Model.FairnessDescription);
        var thread = new Thread(checker.RunToEnd) { IsBackground = true, Name = $"stateright-{engine.Name.ToLowerInvariant()}" };
        thread.Start();
        return checker;
    }

    private void RunToEnd()
    {
        try
        {
            var result = _engine.Run();
            Error = result.Error;
            Status = result.Status;
            // Every discovery is replayed and checked against what the search found before it is reported.
            _discoveries = DiscoveryReplay.Verify(_engine, result);
        }
        catch (NondeterministicModelException e)
        {
            Error ??= new ModelCheckingException(e.Message, e);
            Status = CheckerStatus.Faulted;
        }
        catch (Exception e)
        {
            var activity = CallbackFault.ActivityOf(e) is { } callback ? $" while {callback}" : "";
            Error ??= new ModelCheckingException($"Model checking failed{activity}: {e.GetType().Name}: {e.Message}", e);
            Status = CheckerStatus.Faulted;
        }
        finally
        {
            _elapsed = _stopwatch.Elapsed;
            _isDone = true;
            _done.TrySetResult();
        }
    }

    /// <summary>The model being checked.</summary>
    public Model<TState, TAction> Model => _engine.Model;

    /// <summary>The model's properties, in declaration order.</summary>
    public IReadOnlyList<Property<TState>> Properties => _engine.Properties;

    /// <summary>How long the liveness pass took after the search (zero when there was none): for the benchmarks.</summary>
    internal TimeSpan LivenessPassTime => _engine.LivenessPassTime;

    /// <summary>A parallel DFS run's canonical walk, states expanded and owned: for the benchmarks.</summary>
    internal (long Walked, long Owned) CanonicalWalkSteps => _engine.CanonicalWalkSteps;

    /// <summary>Bytes held by the visited set's key arrays at the end of the run: for the benchmarks.</summary>
    internal long VisitedSetBytes => _engine.VisitedSetBytes;

    /// <summary>The process's CPU time during the liveness pass: for the benchmarks.</summary>
    internal TimeSpan LivenessPassCpuTime => _engine.LivenessPassCpuTime;

    /// <summary>The engine: "BFS", "DFS" or "simulation".</summary>
    public string EngineName => _engine.Name;

    /// <summary>Which behaviours <c>Eventually</c> properties are checked on (see <see cref="CheckerBuilder{TState, TAction}.Liveness"/>).</summary>
    public LivenessSemantics Liveness => _engine.Liveness;

    /// <summary>
    /// What an <c>Eventually</c> verdict covers, as reports and test results say it: "on all behaviours,
    /// with weak fairness …" or "on terminating behaviours only".
    /// </summary>
    public string LivenessDescription => Liveness == LivenessSemantics.TerminatingBehaviours
        ? "on terminating behaviours only (cycles not checked)"
        : $"on all behaviours, {_fairnessDescription}";

    /// <summary>The number of threads the checker was configured with.</summary>
    public int Threads => _engine.Threads;

    /// <summary>True once checking has stopped, for whatever reason (see <see cref="Status"/>).</summary>
    public bool IsDone => _isDone;

    /// <summary>Why checking stopped, or <see cref="CheckerStatus.Running"/>.</summary>
    public CheckerStatus Status { get; private set; } = CheckerStatus.Running;

    /// <summary>
    /// True when the verdict of every property is known: every reachable state was checked, or the run
    /// finished because every property has a discovery. A run stopped by a timeout, a target,
    /// cancellation or a fault is never complete.
    /// </summary>
    public bool IsComplete => Status == CheckerStatus.Exhausted
        || (Status == CheckerStatus.FinishedByDiscoveries && Properties.Count > 0 && _discoveries.Count == Properties.Count);

    /// <summary>The failure of model code that stopped checking, if any (then <see cref="Status"/> is <see cref="CheckerStatus.Faulted"/>).</summary>
    public ModelCheckingException? Error { get; private set; }

    /// <summary>States generated so far, repeats included.</summary>
    public long StateCount => _engine.StateCount;

    /// <summary>Distinct states visited so far (for simulation, which keeps no visited set, the states generated).</summary>
    public long UniqueStateCount => _engine.UniqueStateCount;

    /// <summary>The greatest depth reached so far (initial states have depth 1; for simulation, the longest walk in steps).</summary>
    public int MaxDepth => _engine.MaxDepth;

    private readonly GrowthWatch _growth = new();

    /// <summary>
    /// While checking runs: a warning when the run looks unbounded (its depth is past 100 and still
    /// growing after ten seconds, with new states still coming), naming the ways to bound it; else null.
    /// A hint for progress output, not a verdict. Each read is a sample: read it at each progress report.
    /// </summary>
    public string? GrowthWarning => _isDone ? null : _growth.Observe(Elapsed, UniqueStateCount, MaxDepth);

    /// <summary>How long checking ran (so far, while it runs).</summary>
    public TimeSpan Elapsed => _isDone ? _elapsed : _stopwatch.Elapsed;

    /// <summary>Each property's discovery (example or counterexample), by property name. Final once <see cref="IsDone"/>.</summary>
    public IReadOnlyDictionary<string, Path<TState, TAction>> Discoveries => _discoveries;

    /// <summary>
    /// The names of the properties with a discovery so far, in declaration order: while the run goes on, what
    /// the search has found (a hint for progress displays; each discovery is replayed and its path published
    /// in <see cref="Discoveries"/> when the run ends, and one that does not replay faults the run instead);
    /// once it is done, the properties in <see cref="Discoveries"/>.
    /// </summary>
    public IReadOnlyList<string> DiscoveredSoFar => _isDone
        ? [.. Properties.Where(p => _discoveries.ContainsKey(p.Name)).Select(p => p.Name)]
        : [.. Properties.Where((_, i) => _engine.DiscoveredSoFar(i)).Select(p => p.Name)];

    /// <summary>
    /// Which kinds of action the run enabled and took, once it is done, when the checker was built with
    /// <see cref="CheckerBuilder{TState, TAction}.Coverage"/> (BFS and DFS; null otherwise, and for a model
    /// whose actions fall into no useful kinds).
    /// </summary>
    public ActionCoverage? Coverage => _isDone && _engine.Coverage is { } tracker ? tracker.Result(complete: Status == CheckerStatus.Exhausted) : null;

    /// <summary>The discovery for a property, or null if there is none.</summary>
    /// <exception cref="KeyNotFoundException">The model has no property with that name.</exception>
    public Path<TState, TAction>? Discovery(string name)
    {
        _ = Model.Property(name);
        return _discoveries.TryGetValue(name, out var path) ? path : null;
    }

    /// <summary>Whether a discovery for the named property is an example or a counterexample.</summary>
    public DiscoveryClassification DiscoveryClassification(string name) => Model.Property(name).Expectation.Classify();

    /// <summary>Blocks until checking is done.</summary>
    /// <exception cref="ModelCheckingException">Model code threw during checking.</exception>
    public Checker<TState, TAction> Join()
    {
        _done.Task.Wait();
        ThrowIfFaulted();
        return this;
    }

    /// <summary>Waits until checking is done. Cancelling <paramref name="cancellationToken"/> stops waiting, not checking.</summary>
    /// <exception cref="ModelCheckingException">Model code threw during checking.</exception>
    public async Task<Checker<TState, TAction>> JoinAsync(CancellationToken cancellationToken = default)
    {
        await _done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfFaulted();
        return this;
    }

    /// <summary>Asks the checker to stop; it finishes with status <see cref="CheckerStatus.Cancelled"/> (unless it had already stopped for another reason).</summary>
    public void Stop() => _engine.RequestStop(StopReason.StopCalled);

    private void ThrowIfFaulted()
    {
        if (Error is not null) throw Error;
    }

    /// <summary>Waits for the end without throwing on a fault (reports and assertions describe it).</summary>
    internal void WaitQuietly() => _done.Task.Wait();

    /// <summary>Explains why a run is incomplete, for messages.</summary>
    internal string IncompleteReason() => Status switch
    {
        CheckerStatus.TimedOut => $"it timed out after {FormatSeconds(Elapsed)}",
        CheckerStatus.Cancelled when _engine.StopReason == StopReason.StopCalled => "it was stopped (Stop() was called)",
        CheckerStatus.Cancelled => "it was cancelled",
        CheckerStatus.TargetStateCountReached => $"it stopped at the target state count ({StateCount:N0} states generated)",
        CheckerStatus.TargetMaxDepthReached => $"states at the target depth ({MaxDepth}) were left unchecked",
        CheckerStatus.FinishedByDiscoveries => "it stopped early because the finish condition was met",
        CheckerStatus.Faulted => "the model threw",
        CheckerStatus.Running => "it is still running",
        _ => "it did not check every state",
    };

    private static string FormatSeconds(TimeSpan t) => $"{t.TotalSeconds:0.###}s";
}
