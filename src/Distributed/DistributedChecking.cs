using System.Diagnostics;

namespace Stateright.Distributed;

/// <summary>The front door: checks a model by BFS across the silos of an Orleans cluster.</summary>
public static class DistributedChecking
{
    /// <summary>
    /// Checks the model exhaustively by level-synchronous BFS over the cluster that <paramref name="client"/>
    /// reaches. Every silo must have the model registered under <paramref name="modelName"/> (see
    /// <see cref="DistributedModelServices.AddStaterightModels"/>); the model given here is the client's
    /// copy, used to check the codec and to replay the discoveries into paths. Counts, depth and
    /// discoveries equal the one-machine <see cref="CheckerBuilder{TState, TAction}.SpawnBfs"/> for a run
    /// that checks every state. Honoured options: <c>TargetMaxDepth</c>, <c>FinishWhen</c>,
    /// <c>Timeout</c>, <c>WithCancellation</c>; others are refused (see docs/distributed.md).
    /// </summary>
    /// <exception cref="NotSupportedException">An option or property kind that distributed checking does not support.</exception>
    /// <exception cref="InvalidModelException">The model's states do not survive the codec's round trip.</exception>
    public static async Task<DistributedResult<TState, TAction>> SpawnDistributedAsync<TState, TAction>(
        this CheckerBuilder<TState, TAction> builder, IClusterClient client, string modelName,
        DistributedOptions? options = null, IStateCodec<TState>? codec = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(client);
        options ??= new DistributedOptions();
        Refuse(builder);
        var engine = new DistributedEngine<TState, TAction>(builder);
        CodecCheck.Verify(codec ?? StateCodecs.Default<TState>(), Sample(engine, options.CodecSample), engine.KeyOf);

        var partitions = options.Partitions > 0 ? options.Partitions : 2 * Math.Max(1, await ActiveSilos(client).ConfigureAwait(false));
        var result = new DistributedResult<TState, TAction>(builder.Model, partitions);
        var stopwatch = Stopwatch.StartNew();
        using var timeout = builder.TimeoutValue is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, builder.CancellationTokenValue);
        var runId = Guid.NewGuid().ToString("N");
        var coordinator = client.GetGrain<ICoordinatorGrain>(runId);
        var spec = new RunSpec(runId, modelName, partitions, options.BatchBytes, [.. engine.Properties.Select(p => p.Name)]);
        var finishWhen = builder.FinishWhenValue.Bind(engine.Properties);
        var discovered = new bool[engine.Properties.Length];
        var found = new Dictionary<int, FoundState>();
        try
        {
            var level = await coordinator.Start(spec).WaitAsync(stop.Token).ConfigureAwait(false);
            if (level.Error is not null) return Faulted(result, engine, level, stopwatch);
            result.StateCount = level.Generated;
            result.UniqueStateCount = level.Unique;
            var status = CheckerStatus.Exhausted;
            for (var depth = 1; level.Frontier > 0; depth++)
            {
                result.MaxDepth = depth;
                if (builder.TargetMaxDepthValue is { } maxDepth && depth >= maxDepth) { status = CheckerStatus.TargetMaxDepthReached; break; }
                level = await coordinator.RunLevel(discovered).WaitAsync(stop.Token).ConfigureAwait(false);
                if (level.Error is not null) return Faulted(result, engine, level, stopwatch);
                result.StateCount += level.Generated;
                // The visited set only grows: fewer unique states than the level before means a partition (or the
                // coordinator) started afresh, and the counts no longer cover the state space. Never a pass.
                if (level.Unique < result.UniqueStateCount)
                    throw new InvalidOperationException($"The partitions report {level.Unique:N0} unique states after {result.UniqueStateCount:N0} the level before: a partition lost its state.");
                result.UniqueStateCount = level.Unique;
                options.Progress?.Report(new DistributedProgress(result.MaxDepth, result.StateCount, result.UniqueStateCount, stopwatch.Elapsed, level.Silos));
                foreach (var state in level.Found)
                {
                    discovered[state.Property] = true;
                    found[state.Property] = state;
                }
                // As on one machine: a run stops once its condition holds, or once every property has a discovery (nothing is left to find).
                if (finishWhen(discovered) || (discovered.Length > 0 && discovered.All(d => d))) { status = CheckerStatus.FinishedByDiscoveries; break; }
            }
            result.Discoveries = await Replay(engine, coordinator, found).ConfigureAwait(false);
            result.Status = status;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            result.Status = timeout.IsCancellationRequested ? CheckerStatus.TimedOut : CheckerStatus.Cancelled;
        }
        catch (ModelCheckingException e)
        {
            (result.Status, result.Error) = (CheckerStatus.Faulted, e);
        }
        catch (Exception e) when (e is not InvalidModelException)
        {
            // The cluster failed: a silo stopped, a grain call timed out, a partition lost its state.
            (result.Status, result.Error) = (CheckerStatus.Faulted, new ModelCheckingException(
                $"The distributed run failed ({e.GetType().Name}): {e.Message} A silo that stops or a partition that loses its state ends the run; it is never reported as a pass.", e));
        }
        finally
        {
            result.Elapsed = stopwatch.Elapsed;
            await ReleaseQuietly(coordinator).ConfigureAwait(false);
        }
        return result;
    }

    private static void Refuse<TState, TAction>(CheckerBuilder<TState, TAction> builder)
    {
        string? option =
            builder.SymmetryValue is not null ? "Symmetry" :
            builder.VisitorValue is not null ? "Visitor" :
            builder.TargetStateCountValue is not null ? "TargetStateCount" :
            builder.CoverageValue ? "Coverage" : null;
        if (option is not null) throw new NotSupportedException($"Distributed checking does not support {option} yet (docs/distributed.md).");
        if (builder.Model.Properties.FirstOrDefault(p => p.Expectation == Expectation.Eventually) is { } eventually)
            throw new NotSupportedException($"Distributed checking does not support Eventually properties yet (\"{eventually.Name}\"): check liveness on one machine (docs/distributed.md).");
    }

    /// <summary>
    /// The states the front door round-trips: the first ones in BFS order. Model code that throws ends
    /// the sample (the run then reports the fault, with its path, from the partition that meets it).
    /// </summary>
    private static List<TState> Sample<TState, TAction>(DistributedEngine<TState, TAction> engine, int count)
    {
        var sample = new List<TState>();
        var seen = new HashSet<ulong>();
        var actions = new List<TAction>();
        try
        {
            var queue = new Queue<TState>(engine.Initial().Select(i => i.State));
            while (sample.Count < count && queue.Count > 0)
            {
                var state = queue.Dequeue();
                if (!seen.Add(engine.KeyOf(state))) continue;
                sample.Add(state);
                actions.Clear();
                engine.Model.Actions(state, actions);
                foreach (var action in actions)
                    if (engine.Model.TryNextState(state, action, out var next) && engine.Model.WithinBoundary(next)) queue.Enqueue(next);
            }
        }
        catch (Exception e) when (e is not UnfingerprintableTypeException)
        {
            // Sampled so far is enough: the fault is the run's to report.
        }
        return sample;
    }

    private static async Task<int> ActiveSilos(IClusterClient client)
    {
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).ConfigureAwait(false);
        return hosts.Count;
    }

    /// <summary>Rebuilds each discovery's index path from the parent links, checks it against the path carried with the state, and replays it.</summary>
    private static async Task<IReadOnlyDictionary<string, Path<TState, TAction>>> Replay<TState, TAction>(
        DistributedEngine<TState, TAction> engine, ICoordinatorGrain coordinator, Dictionary<int, FoundState> found)
    {
        var paths = new Dictionary<int, int[]>();
        var keys = new Dictionary<int, ulong>();
        foreach (var (property, state) in found)
        {
            var rebuilt = await coordinator.PathTo(state.Key).ConfigureAwait(false);
            if (!rebuilt.SequenceEqual(state.Path))
                throw new ModelCheckingException(
                    $"The parent links give index path {IndexPaths.Format(rebuilt)} for the discovery of \"{engine.Properties[property].Name}\", " +
                    $"but the partition found it at {IndexPaths.Format(state.Path)}: the partitions disagree (a fault in the distributed checker).");
            paths[property] = rebuilt;
            keys[property] = state.Key;
        }
        var result = new EngineResult(CheckerStatus.Exhausted, paths) { DiscoveryKeys = keys };
        try
        {
            return DiscoveryReplay.Verify(engine, result);
        }
        catch (NondeterministicModelException e)
        {
            throw new ModelCheckingException(e.Message, e);
        }
    }

    private static DistributedResult<TState, TAction> Faulted<TState, TAction>(DistributedResult<TState, TAction> result, DistributedEngine<TState, TAction> engine, LevelReport level, Stopwatch stopwatch)
    {
        var message = level.Error!;
        if (level.ErrorPath is { } path)
        {
            string trace;
            try { trace = TraceText.Steps(engine.Model, Path<TState, TAction>.FromIndices(engine.Model, path)); }
            catch (Exception e) { trace = $"(the path could not be replayed: {e.GetType().Name}: {e.Message})\n"; }
            message = $"{message}\nIn the state reached by index path {IndexPaths.Format(path)}:\n{trace}";
        }
        result.Status = CheckerStatus.Faulted;
        result.Error = new ModelCheckingException(message) { IndexPath = level.ErrorPath is null ? null : IndexPaths.Format(level.ErrorPath) };
        result.Elapsed = stopwatch.Elapsed;
        return result;
    }

    private static async Task ReleaseQuietly(ICoordinatorGrain coordinator)
    {
        try { await coordinator.Release().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false); }
        catch (Exception) { /* the run's outcome is already decided; a silo that is gone cannot release anyway */ }
    }
}
