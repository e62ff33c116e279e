namespace Stateright;

/// <summary>
/// Configures and starts a checker for a model. Obtain one with <see cref="ModelExtensions.Checker{TState, TAction}"/>.
/// </summary>
/// <example><code>
/// var checker = model.Checker().Threads(2).SpawnBfs().Join();
/// checker.AssertProperties();
/// </code></example>
public sealed class CheckerBuilder<TState, TAction>
{
    internal CheckerBuilder(Model<TState, TAction> model) => Model = model;

    internal Model<TState, TAction> Model { get; }
    internal int ThreadCount { get; private set; } = 1;
    internal long? TargetStateCountValue { get; private set; }
    internal int? TargetMaxDepthValue { get; private set; }
    internal TimeSpan? TimeoutValue { get; private set; }
    internal HasDiscoveries FinishWhenValue { get; private set; } = HasDiscoveries.All;
    internal ICheckerVisitor<TState, TAction>? VisitorValue { get; private set; }
    internal Func<TState, TState>? SymmetryValue { get; private set; }
    internal CancellationToken CancellationTokenValue { get; private set; }
    internal bool DetectMutationValue { get; private set; }
    internal long? MemoryBudgetValue { get; private set; }
    internal LivenessSemantics LivenessValue { get; private set; }
    internal Stateright.LivenessParallelism LivenessParallelismValue { get; private set; } = Stateright.LivenessParallelism.Default;
    internal Func<TState, TAction, object?>? FairnessValue { get; private set; }
    internal string? FairnessDescriptionValue { get; private set; }
    internal bool CoverageValue { get; private set; }

    /// <summary>The longest timeout a checker accepts (the longest a .NET timer can wait, about 49.7 days).</summary>
    public static TimeSpan MaxTimeout => CheckerTimeout.Max;

    /// <summary>
    /// Stops the run with a clear error (status <see cref="CheckerStatus.Faulted"/>, the message saying
    /// the budget was exceeded and how to bound the model) once the managed heap grows beyond
    /// <paramref name="bytes"/>, rather than letting an unbounded model exhaust the process. Checked every
    /// few thousand states, so the heap can exceed it by a little.
    /// </summary>
    public CheckerBuilder<TState, TAction> MemoryBudget(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        MemoryBudgetValue = bytes;
        return this;
    }

    /// <summary>
    /// How many states each run checks for in-place mutation and for determinism by default: the first
    /// states it expands are fingerprinted again after their properties, actions and successors are
    /// computed, and their actions are listed and their steps taken a second time and compared
    /// (a difference faults the run with a <see cref="NondeterministicModelException"/>).
    /// </summary>
    public const int MutationCheckedStates = 1000;

    /// <summary>
    /// Records which kinds of action the run enables and takes, as TLC's coverage does: afterwards
    /// <see cref="Checker{TState, TAction}.Coverage"/> lists the kinds never enabled, and those enabled
    /// but never taken, and <see cref="Checker{TState, TAction}.Report"/> prints them. Kinds are an
    /// enum's values, a closed action hierarchy's concrete types, or, for actor models, deliveries by
    /// receiving actor and message type. BFS and DFS record it; it costs a little on every action, so it
    /// is off unless asked for (model tests ask for it).
    /// </summary>
    public CheckerBuilder<TState, TAction> Coverage()
    {
        CoverageValue = true;
        return this;
    }

    /// <summary>
    /// Checks every state, not only the first <see cref="MutationCheckedStates"/>, for in-place
    /// mutation: a property, <c>Actions</c>, <c>NextState</c> or <c>WithinBoundary</c> that changes
    /// the state it is given. A debugging aid: it fingerprints each state again after each step, and
    /// takes each step twice to check that the model is deterministic (roughly tripling the cost of a
    /// state). A mutation faults the run with a <see cref="StateMutatedException"/> naming the step, a
    /// step that gives another result the second time with a <see cref="NondeterministicModelException"/>.
    /// </summary>
    public CheckerBuilder<TState, TAction> DetectInPlaceMutation()
    {
        DetectMutationValue = true;
        return this;
    }

    /// <summary>
    /// The number of threads (default 1). Results do not depend on it: every engine reports the same
    /// discoveries, and exhaustive runs the same counts, for any thread count.
    /// </summary>
    public CheckerBuilder<TState, TAction> Threads(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ThreadCount = count;
        return this;
    }

    /// <summary>Stops once this many states (repeats included) have been generated. A run stopped this way is incomplete.</summary>
    public CheckerBuilder<TState, TAction> TargetStateCount(long count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        TargetStateCountValue = count;
        return this;
    }

    /// <summary>
    /// Checks no state at depth <paramref name="depth"/> or beyond (initial states have depth 1). A run
    /// that had to leave states unchecked is incomplete.
    /// </summary>
    public CheckerBuilder<TState, TAction> TargetMaxDepth(int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        TargetMaxDepthValue = depth;
        return this;
    }

    /// <summary>
    /// Stops checking after <paramref name="timeout"/> (at least 1 ms, at most <see cref="MaxTimeout"/>).
    /// A run stopped this way is incomplete. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// means no timeout.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is zero, negative, under 1 ms or over <see cref="MaxTimeout"/>; the message says which.</exception>
    public CheckerBuilder<TState, TAction> Timeout(TimeSpan timeout)
    {
        if (timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            TimeoutValue = null;
            return this;
        }
        if (CheckerTimeout.Problem(timeout) is { } problem) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, problem);
        TimeoutValue = timeout;
        return this;
    }

    /// <summary>When to stop early because of discoveries (default <see cref="HasDiscoveries.All"/>).</summary>
    public CheckerBuilder<TState, TAction> FinishWhen(HasDiscoveries condition)
    {
        FinishWhenValue = condition ?? throw new ArgumentNullException(nameof(condition));
        return this;
    }

    /// <summary>Calls <paramref name="visitor"/> for each evaluated state.</summary>
    public CheckerBuilder<TState, TAction> Visitor(ICheckerVisitor<TState, TAction> visitor)
    {
        VisitorValue = visitor ?? throw new ArgumentNullException(nameof(visitor));
        return this;
    }

    /// <summary>Calls <paramref name="visit"/> with the path of each evaluated state.</summary>
    public CheckerBuilder<TState, TAction> Visitor(Action<Path<TState, TAction>> visit) =>
        Visitor(new DelegateVisitor<TState, TAction>(visit ?? throw new ArgumentNullException(nameof(visit))));

    /// <summary>
    /// Enables symmetry reduction: states with the same <paramref name="representative"/> are checked
    /// once. Applies in every engine. Paths still show the states actually reached.
    /// </summary>
    public CheckerBuilder<TState, TAction> Symmetry(Func<TState, TState> representative)
    {
        SymmetryValue = representative ?? throw new ArgumentNullException(nameof(representative));
        return this;
    }

    /// <summary>Stops checking when <paramref name="cancellationToken"/> is cancelled. A run stopped this way is incomplete.</summary>
    public CheckerBuilder<TState, TAction> WithCancellation(CancellationToken cancellationToken)
    {
        CancellationTokenValue = cancellationToken;
        return this;
    }

    /// <summary>When the liveness pass expands a level in parallel (tests lower the thresholds to exercise the parallel path on small graphs).</summary>
    internal CheckerBuilder<TState, TAction> LivenessParallelism(int minLevel, int minChunk, int maxChunk)
    {
        LivenessParallelismValue = new Stateright.LivenessParallelism(minLevel, minChunk, maxChunk);
        return this;
    }

    /// <summary>
    /// Which behaviours <c>Eventually</c> properties are checked on: every behaviour, cycles included,
    /// under weak fairness (<see cref="LivenessSemantics.AllBehaviours"/>, the default), or only those
    /// that end in a terminal state (<see cref="LivenessSemantics.TerminatingBehaviours"/>, the Rust
    /// library's cheaper check). Verdicts and reports say which was checked.
    /// </summary>
    public CheckerBuilder<TState, TAction> Liveness(LivenessSemantics semantics)
    {
        if (!Enum.IsDefined(semantics)) throw new ArgumentOutOfRangeException(nameof(semantics), semantics, "Unknown liveness semantics.");
        LivenessValue = semantics;
        return this;
    }

    /// <summary>
    /// The weak-fairness classes of actions, instead of the model's <see cref="Model{TState, TAction}.FairnessClass"/>:
    /// <paramref name="classOf"/> returns null for an action that need not ever be taken, else a key
    /// (compared with <see cref="object.Equals(object)"/>); an infinite behaviour counts only if every
    /// class that stays enabled is taken. <paramref name="description"/> is how verdicts name it.
    /// </summary>
    public CheckerBuilder<TState, TAction> Fairness(Func<TState, TAction, object?> classOf, string description = "with weak fairness")
    {
        FairnessValue = classOf ?? throw new ArgumentNullException(nameof(classOf));
        FairnessDescriptionValue = description ?? throw new ArgumentNullException(nameof(description));
        return this;
    }

    /// <summary>
    /// Starts a breadth-first search on background threads. It reports a shortest path to each
    /// discovery; among shortest paths, the one with the smallest index path.
    /// </summary>
    public Checker<TState, TAction> SpawnBfs() => Checker<TState, TAction>.Start(new BfsEngine<TState, TAction>(this), this);

    /// <summary>
    /// Starts a depth-first search on background threads. It needs far less memory than BFS (no
    /// frontier of states), but its paths are not shortest.
    /// </summary>
    public Checker<TState, TAction> SpawnDfs() => Checker<TState, TAction>.Start(new DfsEngine<TState, TAction>(this), this);

    /// <summary>
    /// Starts random walks from initial states to terminal states, for models too large to check
    /// exhaustively. Walk <c>n</c> uses a random source seeded from (<paramref name="seed"/>, n), so a
    /// seed gives the same walks on every machine and version. Runs until the finish condition, a
    /// target, the timeout or cancellation: set one of them.
    /// </summary>
    public Checker<TState, TAction> SpawnSimulation(ulong seed, IChooser<TState, TAction>? chooser = null) =>
        Checker<TState, TAction>.Start(new SimulationEngine<TState, TAction>(this, seed, chooser ?? new UniformChooser<TState, TAction>()), this);
}

/// <summary>Entry points on models.</summary>
public static class ModelExtensions
{
    /// <summary>Starts configuring a checker for <paramref name="model"/>.</summary>
    public static CheckerBuilder<TState, TAction> Checker<TState, TAction>(this Model<TState, TAction> model) =>
        new(model ?? throw new ArgumentNullException(nameof(model)));

    /// <summary>Enables symmetry reduction through the state's own <see cref="IRepresentative{TSelf}.Representative"/>.</summary>
    public static CheckerBuilder<TState, TAction> Symmetry<TState, TAction>(this CheckerBuilder<TState, TAction> builder)
        where TState : IRepresentative<TState> =>
        builder.Symmetry(static state => state.Representative());
}
