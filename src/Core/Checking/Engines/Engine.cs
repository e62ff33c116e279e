using System.Diagnostics;

namespace Stateright;

/// <summary>
/// What every search engine shares: the options, the statistics that progress reports read while it
/// runs, stopping (timeout, cancellation, a fault), and turning model failures into messages.
/// </summary>
internal abstract class Engine<TState, TAction>
{
    private int _stopRequested; // a StopReason; the first one wins
    private long _stateCount;
    private int _maxDepth;
    private FaultInfo? _fault;
    private long _mutationChecks;

    protected Engine(CheckerBuilder<TState, TAction> options)
    {
        Model = options.Model;
        Properties = [.. Model.Properties];
        Threads = options.ThreadCount;
        TargetStateCount = options.TargetStateCountValue;
        TargetMaxDepth = options.TargetMaxDepthValue;
        Timeout = options.TimeoutValue;
        Visitor = options.VisitorValue;
        Symmetry = options.SymmetryValue;
        CancellationToken = options.CancellationTokenValue;
        DetectMutation = options.DetectMutationValue;
        MemoryBudget = options.MemoryBudgetValue;
        FinishWhen = options.FinishWhenValue.Bind(Properties);
        Liveness = options.LivenessValue;
        LivenessParallelism = options.LivenessParallelismValue;
        Fairness = new Fairness<TState, TAction>(Model, options.FairnessValue);
        for (var i = 0; i < Properties.Length; i++)
        {
            if (Properties[i].Expectation != Expectation.Eventually) continue;
            if (i >= 64) throw new NotSupportedException($"Eventually property \"{Properties[i].Name}\" is property #{i + 1}; eventually properties must be among the first 64 properties of a model.");
            InitialEventuallyBits |= 1UL << i;
        }
        Fingerprint.EnsureSupported<TState>();
        // Simulation lists actions but takes one: it would report most kinds as never taken.
        Coverage = options.CoverageValue && this is not SimulationEngine<TState, TAction> ? Model.NewCoverageTracker() : null;
        Expander = new Expander<TState, TAction>(this);
        _discoveredSoFar = new bool[Properties.Length];
    }

    // Set as the engines record discoveries; read by progress displays while the run goes on.
    private readonly bool[] _discoveredSoFar;

    /// <summary>Whether the search has found a discovery for the property at this index so far (not yet replayed).</summary>
    public bool DiscoveredSoFar(int property) => Volatile.Read(ref _discoveredSoFar[property]);

    /// <summary>Notes that the search found a discovery for the property at this index.</summary>
    protected void NoteDiscovered(int property) => Volatile.Write(ref _discoveredSoFar[property], true);

    /// <summary>Which kinds of action the run enabled and took; null unless asked for (and for simulation, which does not record it).</summary>
    public CoverageTracker<TAction>? Coverage { get; }

    /// <summary>The expansion step the engine's workers share.</summary>
    public Expander<TState, TAction> Expander { get; }

    public Model<TState, TAction> Model { get; }
    public Property<TState>[] Properties { get; }
    public int Threads { get; }
    public long? TargetStateCount { get; }
    public int? TargetMaxDepth { get; }
    public TimeSpan? Timeout { get; }
    public ICheckerVisitor<TState, TAction>? Visitor { get; }
    public Func<TState, TState>? Symmetry { get; }
    public CancellationToken CancellationToken { get; }
    public Func<bool[], bool> FinishWhen { get; }
    public bool DetectMutation { get; }
    public long? MemoryBudget { get; }
    public LivenessSemantics Liveness { get; }
    public LivenessParallelism LivenessParallelism { get; }
    public Fairness<TState, TAction> Fairness { get; }

    /// <summary>One bit per <see cref="Expectation.Eventually"/> property (bit = property index), set while unsatisfied on a path.</summary>
    public ulong InitialEventuallyBits { get; }

    public long StateCount => Interlocked.Read(ref _stateCount);
    public abstract long UniqueStateCount { get; }
    public int MaxDepth => Volatile.Read(ref _maxDepth);
    public bool StopRequested => Volatile.Read(ref _stopRequested) != 0;

    /// <summary>Why the search was asked to stop (the first request wins).</summary>
    public StopReason StopReason => (StopReason)Volatile.Read(ref _stopRequested);

    /// <summary>The engine's name in reports: "BFS", "DFS" or "simulation".</summary>
    public abstract string Name { get; }

    /// <summary>Runs the search to its end on the calling thread.</summary>
    public EngineResult Run()
    {
        var stopwatch = Stopwatch.StartNew();
        using var timer = Timeout is { } t ? new Timer(_ => RequestStop(StopReason.Timeout), null, t, System.Threading.Timeout.InfiniteTimeSpan) : null;
        using var registration = CancellationToken.Register(() => RequestStop(StopReason.Cancellation));
        EngineResult result;
        try
        {
            result = Search();
            if (this is not SimulationEngine<TState, TAction>)
            {
                var searchTime = stopwatch.Elapsed;
                var searchCpu = ProcessCpuTime();
                result = LivenessCheck.Complete(this, result);
                LivenessPassTime = stopwatch.Elapsed - searchTime;
                LivenessPassCpuTime = ProcessCpuTime() - searchCpu;
            }
        }
        catch (Exception e)
        {
            RecordFault(e, SearchActivity, null);
            result = new EngineResult(CheckerStatus.Faulted, []);
        }
        // A fault the model recorded on a thread the checker does not own, too late for any step to report it.
        if (Model is IOutOfBandFaults outOfBand && outOfBand.Fault() is { } late) RecordFault(late, SearchActivity, null);
        if (_fault is { } fault) return result with { Status = CheckerStatus.Faulted, Error = DescribeFault(fault) };
        if (result.Status is CheckerStatus.Running)
        {
            var status = StopReason == StopReason.Timeout ? CheckerStatus.TimedOut : CheckerStatus.Cancelled;
            return result with { Status = status, StoppedAfter = stopwatch.Elapsed };
        }
        return result;
    }

    /// <summary>
    /// A parallel DFS run's canonical walk: the states it expanded and those it owned (for measurements:
    /// walked states it did not own were expanded twice); zero for other runs.
    /// </summary>
    public (long Walked, long Owned) CanonicalWalkSteps { get; protected set; }

    /// <summary>Bytes held by the visited set's key arrays (for measurements); zero for an engine without one.</summary>
    public virtual long VisitedSetBytes => 0;

    /// <summary>How long the liveness pass took after the search (zero when there was none): for measurements.</summary>
    public TimeSpan LivenessPassTime { get; private set; }

    /// <summary>The process's CPU time (every thread) during the liveness pass: for measurements on a shared machine.</summary>
    public TimeSpan LivenessPassCpuTime { get; private set; }

    /// <summary>The process's processor time so far (every thread), for the liveness pass's figures.</summary>
    private static TimeSpan ProcessCpuTime()
    {
#if NET9_0_OR_GREATER
        return Environment.CpuUsage.TotalTime;
#else
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
#endif
    }

    /// <summary>The engine's search. Returns <see cref="CheckerStatus.Running"/> when it stopped because <see cref="StopRequested"/>.</summary>
    protected abstract EngineResult Search();

    public void RequestStop(StopReason reason) => Interlocked.CompareExchange(ref _stopRequested, (int)reason, 0);

    protected void AddStates(long count) => Interlocked.Add(ref _stateCount, count);

    protected void SetStateCount(long count) => Interlocked.Exchange(ref _stateCount, count);

    protected void RaiseMaxDepth(int depth) => Atomic.Max(ref _maxDepth, depth);

    protected void ResetMaxDepth(int depth) => Volatile.Write(ref _maxDepth, depth);

    protected void ResetStatistics()
    {
        Interlocked.Exchange(ref _stateCount, 0);
        Volatile.Write(ref _maxDepth, 0);
    }

    /// <summary>Whether the search visited a state with this key; null for an engine that keeps no visited set.</summary>
    public virtual bool? WasVisited(ulong key) => null;

    /// <summary>The key a state is visited under: its fingerprint, or its representative's under symmetry.</summary>
    public ulong KeyOf(TState state)
    {
        if (Symmetry is null) return Fingerprint.Of(state);
        TState representative;
        try { representative = Symmetry(state); }
        catch (Exception e) { CallbackFault.Annotate(e, "computing the symmetry representative (Symmetry)"); throw; }
        return Fingerprint.Of(representative);
    }

    /// <summary>Every initial state, in order (boundary not applied), naming <c>InitStates</c> if it throws.</summary>
    /// <exception cref="InvalidModelException">The model has no initial state.</exception>
    /// <exception cref="NondeterministicModelException">Two calls of <c>InitStates</c> gave different states.</exception>
    protected List<TState> AllInitialStates()
    {
        var all = EvaluateInitialStates();
        if (all.Count == 0)
            throw new InvalidModelException(
                $"The model {TypeNames.Readable(Model.GetType())} has no initial state: InitStates() returned none, so there is nothing to check, " +
                "and no property can hold or fail. Return at least one initial state (a filter in InitStates that removes every state does this).");
        // The same cheap determinism check as for the first states' steps (see Expander): a second call must agree.
        var again = EvaluateInitialStates();
        var differs = again.Count != all.Count;
        for (var i = 0; i < all.Count && !differs; i++) differs = InitialKeyOf(all[i], i) != InitialKeyOf(again[i], i);
        if (differs)
            throw new NondeterministicModelException(
                $"InitStates() returned different initial states on two calls ({all.Count}, then {again.Count} states{(again.Count == all.Count ? ", not the same ones" : "")}). " +
                PathReconstructionException.NondeterminismHint) { Step = 0 };
        return all;
    }

    private List<TState> EvaluateInitialStates()
    {
        try { return [.. Model.InitStates()]; }
        catch (Exception e) { CallbackFault.Annotate(e, "evaluating the initial states (InitStates)"); throw; }
    }

    /// <summary>The fault of a model none of whose initial states lies within its boundary.</summary>
    protected InvalidModelException NoInitialStateWithinBoundary(int count) =>
        new($"None of the {count} initial states of the model {TypeNames.Readable(Model.GetType())} lies within its boundary (WithinBoundary returned false for each), " +
            "so there is nothing to check, and no property can hold or fail. Widen WithinBoundary, or return initial states inside it.");

    /// <summary>The key of initial state #<paramref name="index"/>, naming the step if fingerprinting or the representative throws.</summary>
    protected ulong InitialKeyOf(TState state, int index)
    {
        try { return KeyOf(state); }
        catch (Exception e) { CallbackFault.Annotate(e, $"fingerprinting initial state #{index}"); throw; }
    }

    /// <summary>
    /// True if the state about to be expanded should be checked for in-place mutation: every state
    /// with <see cref="CheckerBuilder{TState, TAction}.DetectInPlaceMutation"/>, else the first
    /// <see cref="CheckerBuilder{TState, TAction}.MutationCheckedStates"/> of the run.
    /// </summary>
    public bool ShouldCheckMutation() =>
        DetectMutation || (Volatile.Read(ref _mutationChecks) < CheckerBuilder<TState, TAction>.MutationCheckedStates
                           && Interlocked.Increment(ref _mutationChecks) <= CheckerBuilder<TState, TAction>.MutationCheckedStates);

    /// <summary>True if <paramref name="state"/> no longer has the key <paramref name="expected"/> (it was changed in place).</summary>
    public bool Changed(TState state, ulong expected) => KeyOf(state) != expected;

    /// <summary>Where a state changed in place, for <see cref="Mutated"/>.</summary>
    public const string MutatedWhileQueued =
        "between being generated and being expanded (a NextState that changes and returns the state it is given makes the successors share one object)";

    /// <summary>Where a state changed in place, for <see cref="Mutated"/>.</summary>
    public const string MutatedByProperties = "while its properties were evaluated";

    /// <summary>Where a state changed in place, for <see cref="Mutated"/>.</summary>
    public const string MutatedByActions = "by Actions";

    /// <summary>Where a state changed in place, for <see cref="Mutated"/>: by the next-state step of an action.</summary>
    public string MutatedByAction(List<TAction> actions, int actionIndex) =>
        $"by NextState (or WithinBoundary) for action #{actionIndex} ({SafeFormatAction(actions[actionIndex])})";

    /// <summary>The fault for a state changed in place <paramref name="during"/> a step.</summary>
    public StateMutatedException Mutated(string during) =>
        new(
            $"The state was changed in place {during}: its fingerprint is not what it was when the checker first saw it. " +
            "Model methods (InitStates, Actions, NextState, WithinBoundary) and properties must not modify the state they are given: " +
            "return a new state instead (a record copied with `with`, immutable collections). The checker keeps states, so a mutated one makes it check the wrong states and miss violations.");

    /// <summary>The action as <see cref="Model{TState, TAction}.FormatAction"/> shows it, or a placeholder if that throws.</summary>
    public string SafeFormatAction(TAction action) => TraceText.SafeFormat(() => Model.FormatAction(action), nameof(Model.FormatAction));

    /// <summary>Evaluates the initial states that lie within the boundary, each with its index among all initial states (the first entry of an index path).</summary>
    protected List<(TState State, int Index)> InitialStates()
    {
        var inits = new List<(TState, int)>();
        var all = AllInitialStates();
        for (var i = 0; i < all.Count; i++)
        {
            bool within;
            try { within = Model.WithinBoundary(all[i]); }
            catch (Exception e) { CallbackFault.Annotate(e, $"checking initial state #{i} against the boundary (WithinBoundary)"); throw; }
            if (within) inits.Add((all[i], i));
        }
        if (inits.Count == 0) throw NoInitialStateWithinBoundary(all.Count);
        return inits;
    }

    /// <summary>
    /// Checks the properties not yet discovered: adds to <paramref name="found"/> each one this state
    /// discovers, and clears the eventually bits that this state satisfies. Allocates nothing.
    /// </summary>
    public void CheckProperties(TState state, ref ulong eventuallyBits, bool[] alreadyDiscovered, List<int> found)
    {
        for (var i = 0; i < Properties.Length; i++)
        {
            if (alreadyDiscovered[i]) continue;
            var property = Properties[i];
            try
            {
                switch (property.Expectation)
                {
                    case Expectation.Always:
                        if (!property.Condition(state)) found.Add(i);
                        break;
                    case Expectation.Sometimes:
                        if (property.Condition(state)) found.Add(i);
                        break;
                    default:
                        if ((eventuallyBits & (1UL << i)) != 0 && property.Condition(state)) eventuallyBits &= ~(1UL << i);
                        break;
                }
            }
            catch (Exception e)
            {
                CallbackFault.Annotate(e, EvaluatingProperty(property));
                throw;
            }
        }
    }

    private static string EvaluatingProperty(Property<TState> property) => $"evaluating property \"{property.Name}\" ({property.Expectation})";

    /// <summary>
    /// The Rust library's checker threads work in blocks of this many states and test the finish
    /// condition only between blocks, or right after a state that hits every property at once (then
    /// that state is not expanded). Stopping at the same points makes early-stopping runs generate
    /// the same states, so unique-state counts match the Rust library's tests.
    /// </summary>
    public const int BlockSize = 1500;

    /// <summary>
    /// True if this state "hits" every property, as the Rust checker decides when to end a block
    /// early: each <c>Always</c> property is violated here, each <c>Sometimes</c> one satisfied here,
    /// and each <c>Eventually</c> one already discovered (before this level) and satisfied on this path.
    /// <paramref name="found"/> holds the properties this state discovered; properties discovered
    /// earlier are re-evaluated, but only when every other property is hit.
    /// </summary>
    public bool HitsEveryProperty(TState state, ulong eventuallyBitsAfter, bool[] discoveredBefore, List<int> found)
    {
        if (Properties.Length == 0) return false; // "every one of none" must not end a run after one state
        // Cheap checks first: an undiscovered property that this state did not discover is not hit.
        for (var i = 0; i < Properties.Length; i++)
        {
            if (Properties[i].Expectation == Expectation.Eventually)
            {
                if (!discoveredBefore[i] || (eventuallyBitsAfter & (1UL << i)) != 0) return false;
            }
            else if (!discoveredBefore[i] && !found.Contains(i)) return false;
        }
        for (var i = 0; i < Properties.Length; i++)
        {
            var property = Properties[i];
            if (!discoveredBefore[i] || property.Expectation == Expectation.Eventually) continue;
            bool holds;
            try { holds = property.Condition(state); }
            catch (Exception e) { CallbackFault.Annotate(e, EvaluatingProperty(property)); throw; }
            if (property.Expectation == Expectation.Always ? holds : !holds) return false;
        }
        return true;
    }

    /// <summary>Describes what the engine was doing when model code threw (built only after a failure).</summary>
    public string Describe(Step step, List<TAction> actions, int actionIndex)
    {
        var action = actionIndex >= 0 && actionIndex < actions.Count ? $"action #{actionIndex} ({SafeFormatAction(actions[actionIndex])})" : null;
        return step switch
        {
            Step.Visiting => "running the visitor",
            Step.CheckingProperties => "evaluating the properties",
            Step.ListingActions => "listing the enabled actions (Actions)",
            Step.Expanding when action is not null => $"computing the next state for {action} (NextState)",
            Step.Boundary when action is not null => $"checking the state that {action} leads to against the boundary (WithinBoundary)",
            Step.Fingerprinting when action is not null => $"fingerprinting the state that {action} leads to",
            _ => "expanding the state",
        };
    }

    /// <summary>Records the first fault and stops the search. The index path names the state in which it happened.</summary>
    public void RecordFault(Exception exception, string activity, int[]? indexPath)
    {
        if (exception is OutOfBandFault { InnerException: { } inner } outOfBand)
        {
            // Not the step's fault: the path to where it surfaced would mislead.
            (exception, activity, indexPath) = (inner, outOfBand.Activity, null);
        }
        if (CallbackFault.ActivityOf(exception) is { } callback)
            activity = activity == SearchActivity ? callback : $"{callback}, while {activity}";
        Interlocked.CompareExchange(ref _fault, new FaultInfo(exception, activity, indexPath), null);
        RequestStop(StopReason.Fault);
    }

    /// <summary>The activity of a fault that escaped the engine's own handling.</summary>
    private const string SearchActivity = "running the search";

    /// <summary>Fault messages show at most this many steps of the path to the failing state: a deep DFS path would swamp them.</summary>
    private const int MaxStepsShown = 40;

    /// <summary>Runs the visitor, if any, on the path to a state about to be checked.</summary>
    public void Visit(int[] indexPath)
    {
        if (Visitor is null) return;
        Visitor.Visit(Model, Path<TState, TAction>.FromIndices(Model, indexPath));
    }

    private ModelCheckingException DescribeFault(FaultInfo fault)
    {
        var indices = fault.IndexPath;
        if (fault.Exception is OutOfMemoryException) return DescribeOutOfMemory(fault, indices);
        if (fault.Exception is InvalidModelException || (fault.Exception is NondeterministicModelException && indices is null))
            return new ModelCheckingException(fault.Exception.Message, fault.Exception); // complete on its own
        var exception = LocatedInState(fault.Exception);
        var message = new System.Text.StringBuilder();
        message.Append(exception switch
        {
            UnfingerprintableTypeException => $"A state could not be fingerprinted while {fault.Activity}",
            NondeterministicModelException => $"The model is not deterministic: found while {fault.Activity}",
            _ => $"The model threw {fault.Exception.GetType().Name} while {fault.Activity}",
        });
        if (indices is not null)
        {
            // Rendered apart, so that a replay that throws part-way leaves no half-written trace behind.
            var encoded = indices.Length <= MaxStepsShown * 4 ? string.Join('/', indices) : $"{string.Join('/', indices.Take(MaxStepsShown))}/… ({indices.Length - 1} steps)";
            string trace;
            try { trace = Trace(Path<TState, TAction>.FromIndices(Model, indices)); }
            catch (Exception e) { trace = $"(the path could not be replayed: {e.GetType().Name}: {e.Message})\n"; }
            message.Append($", in the state reached by index path {encoded}:\n").Append(trace);
        }
        else
        {
            message.Append(".\n");
        }
        message.Append(exception.GetType().FullName).Append(": ").Append(exception.Message);
        return new ModelCheckingException(message.ToString(), exception) { IndexPath = indices is null ? null : string.Join('/', indices) };
    }

    /// <summary>
    /// A value refused while it was fingerprinted (a set whose comparer the fingerprint cannot follow)
    /// is named by its type only; this adds where it sits in the state, by the state's declared types.
    /// </summary>
    private static Exception LocatedInState(Exception exception)
    {
        if (exception is not UnfingerprintableTypeException { MemberPath: null, OffendingType: { } offending } refused) return exception;
        if (FingerprintCompiler.FindMember(typeof(TState), offending) is not { } member) return exception;
        return new UnfingerprintableTypeException($"{refused.Message} It sits at '{member}' in the state.", refused) { OffendingType = offending, MemberPath = member };
    }

    /// <summary>The numbered steps (only the last ones of a long path) and the state.</summary>
    private string Trace(Path<TState, TAction> path)
    {
        var sb = new System.Text.StringBuilder();
        if (path.Length <= MaxStepsShown)
        {
            sb.Append(TraceText.Steps(Model, path));
        }
        else
        {
            sb.Append($"  … {path.Length - MaxStepsShown} earlier steps, then:\n");
            for (var i = path.Length - MaxStepsShown; i < path.Length; i++)
                sb.Append($"  {i + 1}. {TraceText.Action(Model, path.Actions[i])}\n");
        }
        sb.Append("State: ").Append(TraceText.State(Model, path.LastState)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Running out of memory is the checker's failure, not the model's: say so, and how to bound the search.</summary>
    private ModelCheckingException DescribeOutOfMemory(FaultInfo fault, int[]? indices)
    {
        var budget = fault.Exception is InsufficientMemoryException && MemoryBudget is { } bytes
            ? $"The checker exceeded its memory budget of {bytes / (1024 * 1024):N0} MB"
            : "The checker ran out of memory";
        var message =
            $"{budget} after {UniqueStateCount:N0} unique states ({StateCount:N0} generated, depth {MaxDepth:N0}), while {fault.Activity}. " +
            "This is not a fault in the model's code: its state space is too large (or unbounded) to check in this much memory. " +
            "Bound it — WithinBoundary, TargetMaxDepth, TargetStateCount or smaller parameters — or use DFS (no frontier) or simulation, " +
            "and set MemoryBudget to stop early with this message instead of exhausting the process.";
        return new ModelCheckingException(message, fault.Exception) { IndexPath = indices is null ? null : string.Join('/', indices) };
    }

    /// <summary>
    /// Faults the run with a clear message once the managed heap exceeds <see cref="MemoryBudget"/>.
    /// Called every few thousand states; cheap (it reads a counter the GC maintains).
    /// </summary>
    public bool OverMemoryBudget()
    {
        if (MemoryBudget is not { } budget || GC.GetTotalMemory(forceFullCollection: false) <= budget) return false;
        RecordFault(new InsufficientMemoryException($"The managed heap exceeded the checker's memory budget of {budget:N0} bytes."), "checking", null);
        return true;
    }

    private sealed record FaultInfo(Exception Exception, string Activity, int[]? IndexPath);
}

/// <summary>Why a search was asked to stop.</summary>
internal enum StopReason { None, Timeout, Cancellation, StopCalled, Fault }

/// <summary>What an engine was doing, for fault messages.</summary>
internal enum Step { Visiting, CheckingProperties, ListingActions, Expanding, Boundary, Fingerprinting }

/// <summary>How a search ended: its status, and the index path of each discovery by property index.</summary>
internal sealed record EngineResult(CheckerStatus Status, Dictionary<int, int[]> Discoveries)
{
    public ModelCheckingException? Error { get; init; }
    public TimeSpan? StoppedAfter { get; init; }

    /// <summary>For <c>Eventually</c> counterexamples that are lassos: where the cycle starts, by property index.</summary>
    public Dictionary<int, int> CycleStarts { get; init; } = [];

    /// <summary>
    /// The key of the state each discovery was found in, by property index, where the engine knows it
    /// (lassos close on a state of their own path instead): the replay of the path must reach it.
    /// </summary>
    public Dictionary<int, ulong> DiscoveryKeys { get; init; } = [];
}
