using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Stateright.Actors;

namespace Stateright.Runtime;

/// <summary>
/// Runs actors on UDP sockets: the same <see cref="IActor{TMsg}"/> objects the checker explores, each
/// on its own IPv4 endpoint (its <see cref="Id"/> encodes that endpoint; see <see cref="IdEndpoints"/>),
/// with real timers, random choices and durable storage. Stop it by disposing it.
/// </summary>
/// <typeparam name="TMsg">The message type.</typeparam>
/// <example><code>
/// await using var runtime = ActorRuntime.Start&lt;RegisterMsg&lt;ulong, char, Unit&gt;&gt;(
///     [(new IPEndPoint(IPAddress.Loopback, 3000), new ServerActor())]);
/// await runtime.RunAsync(cancellationToken); // until cancelled
/// </code></example>
public sealed class ActorRuntime<TMsg> : IAsyncDisposable
{
    private readonly List<ActorHost<TMsg>> _hosts;
    private readonly ActorRuntimeOptions<TMsg> _options;
    private readonly FileStorage _storage;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ActorRuntime(ActorRuntimeOptions<TMsg> options)
    {
        _options = options;
        _storage = new FileStorage(options.StorageDirectory);
        _logger = options.LoggerFactory.CreateLogger("Stateright.Runtime.ActorRuntime");
        _hosts = [];
    }

    /// <summary>
    /// Binds a UDP socket for each actor and starts it (its <c>OnStart</c> receives the storage it last
    /// saved on that endpoint, if any). Port 0 picks a free port; read the result from <see cref="Ids"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An endpoint is not IPv4.</exception>
    /// <exception cref="SocketException">An endpoint cannot be bound (for example, it is in use); the message names it. Nothing is left running.</exception>
    /// <exception cref="ActorStartException">An actor's <c>OnStart</c> threw; the message names the actor and its endpoint. Nothing is left running.</exception>
    public static ActorRuntime<TMsg> Start(IEnumerable<(IPEndPoint Endpoint, IActor<TMsg> Actor)> actors, ActorRuntimeOptions<TMsg>? options = null)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var list = actors.ToList();
        foreach (var (endpoint, actor) in list)
        {
            ArgumentNullException.ThrowIfNull(actor);
            Id.FromEndpoint(endpoint); // IPv4 only
        }
        var sockets = new List<Socket>();
        try
        {
            foreach (var (endpoint, _) in list) sockets.Add(Bind(endpoint));
        }
        catch
        {
            foreach (var socket in sockets) socket.Dispose();
            throw;
        }
        return Start(sockets.Zip(list, (socket, entry) => (socket, entry.Actor)).ToList(), options);
    }

    /// <summary>Starts actors on sockets that are already bound (the runtime owns them from now on).</summary>
    internal static ActorRuntime<TMsg> Start(IReadOnlyList<(Socket Socket, IActor<TMsg> Actor)> bound, ActorRuntimeOptions<TMsg>? options)
    {
        options ??= new ActorRuntimeOptions<TMsg>();
        options.Validate();
        var runtime = new ActorRuntime<TMsg>(options);
        var started = 0;
        try
        {
            foreach (var (socket, actor) in bound)
            {
                var host = new ActorHost<TMsg>(socket, actor, options, runtime._storage, runtime._logger);
                host.Start();
                runtime._hosts.Add(host);
                started++;
            }
        }
        catch
        {
            // An actor that cannot start fails Start itself: stop those already running, close the rest.
            foreach (var (socket, _) in bound.Skip(started + 1)) socket.Dispose();
            runtime.StopAsync().GetAwaiter().GetResult();
            throw;
        }
        return runtime;
    }

    /// <summary>The actors' ids, in the order they were given.</summary>
    public IReadOnlyList<Id> Ids => _hosts.Select(h => h.Id).ToArray();

    /// <summary>The actors' endpoints, in the order they were given.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints => _hosts.Select(h => h.Endpoint).ToArray();

    /// <summary>Where saved storage goes.</summary>
    public FileStorage Storage => _storage;

    /// <summary>Datagrams dropped so far because an actor's inbox was full (see <see cref="ActorRuntimeOptions{TMsg}.InboxCapacity"/>).</summary>
    public long DroppedDatagrams => _hosts.Sum(h => h.DroppedDatagrams);

    /// <summary>Completes once the runtime has stopped.</summary>
    public Task Completion => _stopped.Task;

    /// <summary>Keeps running until <paramref name="cancellationToken"/> is cancelled, then stops every actor.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAny(Task.Delay(Timeout.Infinite, cancellationToken), Completion).ConfigureAwait(false);
        }
        finally
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Keeps running until Ctrl+C (SIGINT), SIGTERM or <paramref name="cancellationToken"/>, then stops
    /// every actor; for programs that serve until told to stop.
    /// </summary>
    public async Task RunUntilSignalAsync(CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // stop cleanly rather than end the process at once
            stop.Cancel();
        }
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await RunAsync(stop.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Crashes and restarts the actor <paramref name="id"/>: its socket closes (datagrams in flight are
    /// lost), its timers and pending random choices are dropped and its state is forgotten; then it binds
    /// the same endpoint again and <c>OnStart</c> receives the storage it last saved.
    /// </summary>
    /// <exception cref="ArgumentException">No actor has that id.</exception>
    /// <exception cref="ObjectDisposedException">The runtime has stopped.</exception>
    public async Task RestartAsync(Id id, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_stopped.Task.IsCompleted, this);
            var index = _hosts.FindIndex(h => h.Id == id);
            if (index < 0) throw new ArgumentException($"No actor has id {id.ToEndpointString()}.", nameof(id));
            var old = _hosts[index];
            await old.StopAsync().ConfigureAwait(false);
            var host = new ActorHost<TMsg>(Bind(old.Endpoint), old.Actor, _options, _storage, _logger);
            host.Start(); // if OnStart throws, the actor stays stopped and the ActorStartException reaches the caller
            _hosts[index] = host;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops every actor: cancels timers, closes sockets and waits for the loops to end. Idempotent.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_stopped.Task.IsCompleted) return;
            await Task.WhenAll(_hosts.Select(h => h.StopAsync())).ConfigureAwait(false);
            _stopped.TrySetResult();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    internal static Socket Bind(IPEndPoint endpoint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                const int SioUdpConnReset = -1744830452; // stop ICMP "port unreachable" from failing later receives
                socket.IOControl(SioUdpConnReset, [0, 0, 0, 0], null);
            }
            socket.ReceiveBufferSize = 1 << 20;
            socket.Bind(endpoint);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            var why = e.SocketErrorCode == SocketError.AddressAlreadyInUse ? $"port {endpoint.Port} is in use" : e.Message;
            throw new SocketException((int)e.SocketErrorCode, $"Cannot bind UDP {endpoint}: {why}.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>Starts an <see cref="ActorRuntime{TMsg}"/> with the message type spelled once.</summary>
public static class ActorRuntime
{
    /// <summary>Starts <paramref name="actors"/> on their endpoints; see <see cref="ActorRuntime{TMsg}.Start(IEnumerable{ValueTuple{IPEndPoint, IActor{TMsg}}}, ActorRuntimeOptions{TMsg}?)"/>.</summary>
    public static ActorRuntime<TMsg> Start<TMsg>(IEnumerable<(IPEndPoint Endpoint, IActor<TMsg> Actor)> actors, ActorRuntimeOptions<TMsg>? options = null) =>
        ActorRuntime<TMsg>.Start(actors, options);

    /// <summary>
    /// Runs <paramref name="actors"/> until <paramref name="cancellationToken"/> is cancelled, then stops
    /// them: the counterpart of the Rust library's blocking <c>spawn</c>.
    /// </summary>
    public static async Task RunAsync<TMsg>(IEnumerable<(IPEndPoint Endpoint, IActor<TMsg> Actor)> actors, ActorRuntimeOptions<TMsg>? options = null, CancellationToken cancellationToken = default)
    {
        await using var runtime = ActorRuntime<TMsg>.Start(actors, options);
        await runtime.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
