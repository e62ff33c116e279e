using System.Net;
using System.Net.Sockets;
using Stateright.Actors;

namespace Stateright.Runtime;

/// <summary>
/// Runs actors on 127.0.0.1 with ephemeral ports for an integration test, hands out clients, and stops
/// everything (and deletes its storage directory) on <c>await using</c>. Works with any test framework.
/// </summary>
/// <typeparam name="TMsg">The message type.</typeparam>
/// <example><code>
/// await using var cluster = LoopbackCluster.Start&lt;RegisterMsg&lt;ulong, char, Unit&gt;&gt;([new ServerActor()]);
/// var client = cluster.CreateClient();
/// var reply = await client.RequestAsync(cluster[0], new Put(1, 'X'), m =&gt; m is PutOk);
/// </code></example>
public sealed class LoopbackCluster<TMsg> : IAsyncDisposable
{
    private readonly List<LoopbackClient<TMsg>> _clients = [];
    private readonly IMessageSerializer<TMsg> _serializer;
    private readonly string? _temporaryDirectory;
    private readonly RuntimeLogRecorder _log;

    private LoopbackCluster(ActorRuntime<TMsg> runtime, IMessageSerializer<TMsg> serializer, string? temporaryDirectory, TimeSpan defaultTimeout, RuntimeLogRecorder log)
    {
        _log = log;
        Runtime = runtime;
        _serializer = serializer;
        _temporaryDirectory = temporaryDirectory;
        DefaultTimeout = defaultTimeout;
    }

    /// <summary>Starts <paramref name="actors"/>, each on its own ephemeral port.</summary>
    /// <param name="actors">The actors, in order: <c>cluster[i]</c> is the id of the i-th.</param>
    /// <param name="options">Runtime options; without a <see cref="ActorRuntimeOptions{TMsg}.StorageDirectory"/> of its own, storage goes to a fresh temporary directory deleted on dispose.</param>
    /// <param name="defaultTimeout">How long clients wait for replies by default (10 seconds unless given).</param>
    public static LoopbackCluster<TMsg> Start(IEnumerable<IActor<TMsg>> actors, ActorRuntimeOptions<TMsg>? options = null, TimeSpan? defaultTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var list = actors.ToList();
        return Start(list.Count, (_, i) => list[i], options, defaultTimeout);
    }

    /// <summary>
    /// Starts <paramref name="count"/> actors made by <paramref name="create"/>, which receives every
    /// actor's id first (so that actors can know their peers) and the index of the one to make.
    /// </summary>
    /// <example><code>
    /// await using var cluster = LoopbackCluster.Start&lt;RegisterMsg&lt;ulong, char, Paxos.PaxosMsg&gt;&gt;(
    ///     3, (ids, i) =&gt; new Paxos.Server(ids.Where((_, j) =&gt; j != i).ToList()));
    /// </code></example>
    public static LoopbackCluster<TMsg> Start(int count, Func<IReadOnlyList<Id>, int, IActor<TMsg>> create, ActorRuntimeOptions<TMsg>? options = null, TimeSpan? defaultTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(create);
        options ??= new ActorRuntimeOptions<TMsg>();
        string? temporary = null;
        if (options.StorageDirectory == new ActorRuntimeOptions<TMsg>().StorageDirectory)
        {
            temporary = Path.Combine(Path.GetTempPath(), $"stateright-{Guid.NewGuid():N}");
            options = options with { StorageDirectory = temporary };
        }
        var log = new RuntimeLogRecorder();
        options = options with { LoggerFactory = log.Wrap(options.LoggerFactory) };
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < count; i++) sockets.Add(ActorRuntime<TMsg>.Bind(new IPEndPoint(IPAddress.Loopback, 0)));
            var ids = sockets.Select(s => Id.FromEndpoint((IPEndPoint)s.LocalEndPoint!)).ToArray();
            var actors = Enumerable.Range(0, count).Select(i => create(ids, i)).ToList();
            var runtime = ActorRuntime<TMsg>.Start(sockets.Zip(actors, (s, a) => (s, a)).ToList(), options);
            return new LoopbackCluster<TMsg>(runtime, options.Serializer, temporary, defaultTimeout ?? TimeSpan.FromSeconds(10), log);
        }
        catch
        {
            foreach (var socket in sockets) socket.Dispose();
            throw;
        }
    }

    /// <summary>The runtime running the actors.</summary>
    public ActorRuntime<TMsg> Runtime { get; }

    /// <summary>The actors' ids, in the order they were given.</summary>
    public IReadOnlyList<Id> Ids => Runtime.Ids;

    /// <summary>The id of the <paramref name="index"/>-th actor.</summary>
    public Id this[int index] => Runtime.Ids[index];

    /// <summary>How long clients wait for replies by default.</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary>What the runtime has logged at <see cref="Microsoft.Extensions.Logging.LogLevel.Information"/> or above (starts, stops, dropped datagrams, failures), in order.</summary>
    public IReadOnlyList<RuntimeLogEntry> Log => _log.Entries;

    /// <summary>Waits for a log entry matching <paramref name="predicate"/> (one already logged counts).</summary>
    /// <exception cref="TimeoutException">None was logged in time; the message lists what was.</exception>
    public Task<RuntimeLogEntry> WaitForLogAsync(Func<RuntimeLogEntry, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return _log.WaitAsync(predicate, timeout ?? DefaultTimeout, cancellationToken);
    }

    /// <summary>A new client on its own ephemeral port, disposed with the cluster.</summary>
    public LoopbackClient<TMsg> CreateClient()
    {
        var client = new LoopbackClient<TMsg>(_serializer, DefaultTimeout);
        lock (_clients) _clients.Add(client);
        return client;
    }

    /// <summary>Crashes and restarts the <paramref name="index"/>-th actor on the same port; it recovers from the storage it saved.</summary>
    public Task RestartAsync(int index, CancellationToken cancellationToken = default) => Runtime.RestartAsync(this[index], cancellationToken);

    /// <summary>Stops the clients and the actors, and deletes the temporary storage directory.</summary>
    public async ValueTask DisposeAsync()
    {
        LoopbackClient<TMsg>[] clients;
        lock (_clients) clients = [.. _clients];
        foreach (var client in clients) await client.DisposeAsync().ConfigureAwait(false);
        await Runtime.DisposeAsync().ConfigureAwait(false);
        if (_temporaryDirectory is not null && Directory.Exists(_temporaryDirectory))
        {
            try { Directory.Delete(_temporaryDirectory, recursive: true); }
            catch (IOException) { }
        }
    }
}

/// <summary>Starts a <see cref="LoopbackCluster{TMsg}"/> with the message type spelled once.</summary>
public static class LoopbackCluster
{
    /// <summary>Starts <paramref name="actors"/> on loopback; see <see cref="LoopbackCluster{TMsg}.Start(IEnumerable{IActor{TMsg}}, ActorRuntimeOptions{TMsg}?, TimeSpan?)"/>.</summary>
    public static LoopbackCluster<TMsg> Start<TMsg>(IEnumerable<IActor<TMsg>> actors, ActorRuntimeOptions<TMsg>? options = null, TimeSpan? defaultTimeout = null) =>
        LoopbackCluster<TMsg>.Start(actors, options, defaultTimeout);

    /// <summary>Starts <paramref name="count"/> actors that know each other's ids; see <see cref="LoopbackCluster{TMsg}.Start(int, Func{IReadOnlyList{Id}, int, IActor{TMsg}}, ActorRuntimeOptions{TMsg}?, TimeSpan?)"/>.</summary>
    public static LoopbackCluster<TMsg> Start<TMsg>(int count, Func<IReadOnlyList<Id>, int, IActor<TMsg>> create, ActorRuntimeOptions<TMsg>? options = null, TimeSpan? defaultTimeout = null) =>
        LoopbackCluster<TMsg>.Start(count, create, options, defaultTimeout);
}
