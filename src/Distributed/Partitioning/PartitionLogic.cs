namespace Stateright.Distributed;

/// <summary>The partition logic for one model (see <see cref="IPartitionLogic"/>).</summary>
internal sealed class PartitionLogic<TState, TAction>(Model<TState, TAction> model, IStateCodec<TState> codec, int partition, int partitions) : IPartitionLogic
{
    /// <summary>How many states each partition round-trips through the codec (on top of the front door's check).</summary>
    private const int RoundTripSample = 64;

    private readonly DistributedEngine<TState, TAction> _engine = new(model.Checker());
    private readonly Dictionary<ulong, ParentLink> _visited = [];
    private List<Entry> _frontier = [];
    private readonly List<byte[]> _inbox = [];
    private long _received;
    private int _roundTrips;

    private readonly record struct Entry(TState State, ulong Key, int[] Path);

    public InitReport Init(string[] propertyNames)
    {
        var mine = _engine.Properties.Select(p => p.Name).ToArray();
        if (!mine.SequenceEqual(propertyNames))
            return new InitReport(0, 0,
                $"The model registered on this silo has properties [{string.Join(", ", mine)}], the client's has [{string.Join(", ", propertyNames)}]: " +
                "the silos and the client must check the same model (same name, same configuration).");
        try
        {
            var inits = _engine.Initial();
            foreach (var (state, index) in inits)
            {
                var key = _engine.InitialKey(state, index);
                if (IndexPaths.Owner(key, partitions) != partition) continue;
                if (!_visited.TryAdd(key, new ParentLink(true, 0, index, true))) continue; // an equal initial state with a smaller index came first
                RoundTrip(state);
                _frontier.Add(new Entry(state, key, [index]));
            }
            return new InitReport(inits.Count, _frontier.Count, null);
        }
        catch (Exception e)
        {
            return new InitReport(0, 0, Describe(e, "evaluating the initial states"));
        }
    }

    public async Task<ExpandReport> ExpandAsync(bool[] discovered, Func<int, byte[], Task> send, int batchBytes)
    {
        var expander = _engine.Expander;
        var scratch = new Expander<TState, TAction>.Scratch();
        var writers = new BatchWriter[partitions];
        for (var i = 0; i < partitions; i++) writers[i] = new BatchWriter();
        var found = new Dictionary<int, FoundState>();
        var successors = new List<(int ActionIndex, TState State, ulong Key)>();
        long generated = 0, sent = 0;
        var frontier = _frontier;
        _frontier = [];
        foreach (var entry in frontier)
        {
            successors.Clear();
            try
            {
                expander.Begin(entry.State, entry.Key, scratch);
                expander.CheckState(entry.State, entry.Key, 0, discovered, scratch, out _);
                foreach (var property in scratch.Found)
                    if (!found.TryGetValue(property, out var best) || IndexPaths.Compare(entry.Path, best.Path) < 0)
                        found[property] = new FoundState(property, entry.Path, entry.Key);
                var sink = new Collect(successors);
                generated += expander.Successors(entry.State, entry.Key, scratch, ref sink);
                scratch.Step = Step.Fingerprinting;
                foreach (var (actionIndex, state, key) in successors)
                {
                    var owner = IndexPaths.Owner(key, partitions);
                    if (owner == partition && _visited.ContainsKey(key)) continue; // known here: no need to send it
                    RoundTrip(state);
                    writers[owner].Add(key, entry.Key, entry.Path, actionIndex, codec.Encode(state));
                    if (writers[owner].Length < batchBytes) continue;
                    sent += writers[owner].Count;
                    await send(owner, writers[owner].Take()).ConfigureAwait(true);
                }
            }
            catch (Exception e)
            {
                return new ExpandReport(generated, sent, [.. found.Values], Describe(e, expander.Describe(scratch)), entry.Path);
            }
        }
        for (var owner = 0; owner < partitions; owner++)
        {
            if (writers[owner].Count == 0) continue;
            sent += writers[owner].Count;
            await send(owner, writers[owner].Take()).ConfigureAwait(true);
        }
        return new ExpandReport(generated, sent, [.. found.Values.OrderBy(f => f.Property)], null, null);
    }

    public void Receive(byte[] batch)
    {
        _received += BatchReader.CountOf(batch);
        _inbox.Add(batch);
    }

    public CommitReport Commit()
    {
        var received = _received;
        _received = 0;
        try
        {
            var best = new Dictionary<ulong, BatchEntry>();
            foreach (var batch in _inbox)
                foreach (var entry in BatchReader.Entries(batch))
                {
                    if (_visited.ContainsKey(entry.Key)) continue;
                    if (!best.TryGetValue(entry.Key, out var kept) || IndexPaths.Compare(entry.Path, kept.Path) < 0) best[entry.Key] = entry;
                }
            _inbox.Clear();
            foreach (var (key, entry) in best)
            {
                var state = codec.Decode(entry.Batch.AsSpan(entry.StateOffset, entry.StateLength));
                _visited.Add(key, new ParentLink(true, entry.Parent, entry.Path[^1], false));
                _frontier.Add(new Entry(state, key, entry.Path));
            }
            // The canonical order: expansion then meets the states in the order the one-machine BFS does.
            _frontier.Sort((a, b) => IndexPaths.Compare(a.Path, b.Path));
            return new CommitReport(received, _frontier.Count, _visited.Count, null);
        }
        catch (Exception e)
        {
            return new CommitReport(received, 0, _visited.Count, Describe(e, "decoding the states sent to this partition"));
        }
    }

    public ParentLink ParentOf(ulong key) => _visited.TryGetValue(key, out var link) ? link : default;

    /// <summary>Round-trips the first states this partition sends or keeps through the codec.</summary>
    private void RoundTrip(TState state)
    {
        if (_roundTrips >= RoundTripSample) return;
        _roundTrips++;
        CodecCheck.Verify(codec, state, _engine.KeyOf);
    }

    private static string Describe(Exception e, string activity) => e switch
    {
        InvalidModelException or NondeterministicModelException or StateMutatedException => e.Message,
        _ => $"The model threw {e.GetType().Name} while {CallbackFault.ActivityOf(e) ?? activity}.\n{e.GetType().FullName}: {e.Message}",
    };

    /// <summary>Collects a state's successors (the expander hands them over before they are sent).</summary>
    private readonly struct Collect(List<(int, TState, ulong)> into) : ISuccessorSink<TState>
    {
        public void Prefetch(ulong key) { }

        public void Accept(int actionIndex, TState next, ulong key) => into.Add((actionIndex, next, key));
    }
}
