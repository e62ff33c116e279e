using System.Net;
using System.Net.Sockets;
using Stateright.Actors;

namespace Stateright.Runtime;

/// <summary>
/// A client for integration tests: a UDP socket on 127.0.0.1 (an ephemeral port) that sends messages
/// to actors and collects what they send back. Awaiting a reply takes a predicate and a timeout, so a
/// test never hangs. Works with any test framework.
/// </summary>
/// <typeparam name="TMsg">The message type.</typeparam>
public sealed class LoopbackClient<TMsg> : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly IMessageSerializer<TMsg> _serializer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _lock = new();
    private readonly List<(Id Src, TMsg Msg)> _inbox = [];
    private readonly List<(Id Src, TMsg Msg)> _received = [];
    private readonly List<Waiter> _waiters = [];
    private readonly Task _receiving;
    private int _undecodable;

    /// <summary>A client on an ephemeral loopback port, with <paramref name="serializer"/> (JSON by default).</summary>
    public LoopbackClient(IMessageSerializer<TMsg>? serializer = null, TimeSpan? defaultTimeout = null)
    {
        _serializer = serializer ?? JsonMessageSerializer<TMsg>.Default;
        DefaultTimeout = defaultTimeout ?? TimeSpan.FromSeconds(10);
        _socket = ActorRuntime<TMsg>.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Id = Id.FromEndpoint((IPEndPoint)_socket.LocalEndPoint!);
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>This client's id: actors reply to it as to any sender.</summary>
    public Id Id { get; }

    /// <summary>How long the receive methods wait when no timeout is given (10 seconds unless set).</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary>Every message received so far, in arrival order (including those already taken by a receive).</summary>
    public IReadOnlyList<(Id Src, TMsg Msg)> Received
    {
        get { lock (_lock) return _received.ToArray(); }
    }

    /// <summary>How many datagrams were not valid messages.</summary>
    public int Undecodable => Volatile.Read(ref _undecodable);

    /// <summary>Sends <paramref name="msg"/> to <paramref name="destination"/>.</summary>
    public async Task SendAsync(Id destination, TMsg msg, CancellationToken cancellationToken = default) =>
        await SendRawAsync(destination, _serializer.Serialize(msg), cancellationToken).ConfigureAwait(false);

    /// <summary>Sends raw bytes (for example, a malformed datagram) to <paramref name="destination"/>.</summary>
    public async Task SendRawAsync(Id destination, ReadOnlyMemory<byte> datagram, CancellationToken cancellationToken = default) =>
        await _socket.SendToAsync(datagram, SocketFlags.None, destination.ToEndpoint(), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Takes the first received message that matches <paramref name="predicate"/> (waiting for one if
    /// needed); messages that do not match stay for later receives.
    /// </summary>
    /// <exception cref="TimeoutException">No matching message arrived in time; the message lists what did arrive.</exception>
    public async Task<(Id Src, TMsg Msg)> ReceiveAsync(Func<Id, TMsg, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var waiter = new Waiter(predicate);
        lock (_lock)
        {
            var index = _inbox.FindIndex(m => predicate(m.Src, m.Msg));
            if (index >= 0)
            {
                var found = _inbox[index];
                _inbox.RemoveAt(index);
                return found;
            }
            _waiters.Add(waiter);
        }
        var limit = timeout ?? DefaultTimeout;
        try
        {
            return await waiter.Result.Task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_lock) _waiters.Remove(waiter);
            if (waiter.Result.Task.IsCompletedSuccessfully) return waiter.Result.Task.Result;
            throw new TimeoutException($"No matching message arrived at {Id.ToEndpointString()} within {limit.TotalSeconds:0.###} s. Received: [{string.Join(", ", Received.Select(m => $"{m.Msg} from {m.Src.ToEndpointString()}"))}].");
        }
        finally
        {
            lock (_lock) _waiters.Remove(waiter);
        }
    }

    /// <summary>Takes the first received message that matches <paramref name="predicate"/>; see <see cref="ReceiveAsync(Func{Id, TMsg, bool}, TimeSpan?, CancellationToken)"/>.</summary>
    public async Task<TMsg> ReceiveAsync(Func<TMsg, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return (await ReceiveAsync((_, msg) => predicate(msg), timeout, cancellationToken).ConfigureAwait(false)).Msg;
    }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the first reply from <paramref name="destination"/>
    /// that matches <paramref name="isReply"/>. With <paramref name="resendEvery"/>, sends the request
    /// again at that interval until the reply comes (for servers that ignore requests they cannot yet answer).
    /// Replies to the extra copies stay in the inbox, so later receives should match on request ids.
    /// </summary>
    /// <exception cref="TimeoutException">No reply arrived in time.</exception>
    public async Task<TMsg> RequestAsync(Id destination, TMsg request, Func<TMsg, bool> isReply, TimeSpan? timeout = null, TimeSpan? resendEvery = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isReply);
        using var resending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reply = ReceiveAsync((src, msg) => src == destination && isReply(msg), timeout, cancellationToken);
        await SendAsync(destination, request, cancellationToken).ConfigureAwait(false);
        var resender = resendEvery is { } interval ? ResendAsync(destination, request, interval, resending.Token) : Task.CompletedTask;
        try
        {
            return (await reply.ConfigureAwait(false)).Msg;
        }
        finally
        {
            await resending.CancelAsync().ConfigureAwait(false);
            await resender.ConfigureAwait(false);
        }
    }

    private async Task ResendAsync(Id destination, TMsg request, TimeSpan interval, CancellationToken token)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, token).ConfigureAwait(false);
                await SendAsync(destination, request, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested) { }
    }

    private Task ReceiveLoopAsync() => UdpReceiveLoop.RunAsync(_socket, OnDatagram, _ => { }, _stopping.Token);

    private void OnDatagram(ReadOnlySpan<byte> datagram, IPEndPoint sender)
    {
        TMsg msg;
        try
        {
            msg = _serializer.Deserialize(datagram);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _undecodable);
            return;
        }
        Deliver((Id.FromEndpoint(sender), msg));
    }

    private void Deliver((Id Src, TMsg Msg) message)
    {
        Waiter? taker = null;
        lock (_lock)
        {
            _received.Add(message);
            taker = _waiters.FirstOrDefault(w => w.Predicate(message.Src, message.Msg));
            if (taker is null) _inbox.Add(message);
            else _waiters.Remove(taker);
        }
        taker?.Result.TrySetResult(message);
    }

    /// <summary>Closes the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _receiving.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private sealed class Waiter(Func<Id, TMsg, bool> predicate)
    {
        public Func<Id, TMsg, bool> Predicate { get; } = predicate;
        public TaskCompletionSource<(Id Src, TMsg Msg)> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
