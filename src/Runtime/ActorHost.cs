using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Stateright.Actors;

namespace Stateright.Runtime;

/// <summary>
/// Runs one actor on one bound UDP socket: a receive loop feeds datagrams into a queue, timers and
/// random choices feed their own events into it, and a single handler loop takes events one at a time,
/// calls the actor and carries out its commands. Nothing an input does can stop the loops; only
/// <see cref="StopAsync"/> does. A write to the actor's <c>Out</c> after its handler returned (an async
/// continuation, a kept <c>Out</c>) is dropped and logged, never sent.
/// </summary>
internal sealed class ActorHost<TMsg> : OutOwner
{
    private readonly IActor<TMsg> _actor;
    private readonly Socket _socket;
    private readonly ActorRuntimeOptions<TMsg> _options;
    private readonly FileStorage _storage;
    private readonly ILogger _logger;
    private readonly Channel<HostEvent> _events = Channel.CreateUnbounded<HostEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly PendingEvents<object> _timers;
    private readonly PendingEvents<string> _randoms;
    private readonly string _name;
    private Task _completion = Task.CompletedTask;
    private object _state = null!;
    private readonly Out<TMsg> _startOutputs = new();
    private int _queuedDatagrams;
    private long _droppedDatagrams;

    public ActorHost(Socket socket, IActor<TMsg> actor, ActorRuntimeOptions<TMsg> options, FileStorage storage, ILogger logger)
    {
        _socket = socket;
        _actor = actor;
        _options = options;
        _storage = storage;
        _logger = logger;
        Endpoint = (IPEndPoint)socket.LocalEndPoint!;
        Id = Id.FromEndpoint(Endpoint);
        _name = Endpoint.ToString();
        _timers = new PendingEvents<object>(options.TimeProvider, _events.Writer);
        _randoms = new PendingEvents<string>(options.TimeProvider, _events.Writer);
    }

    public Id Id { get; }

    public IPEndPoint Endpoint { get; }

    public IActor<TMsg> Actor => _actor;

    /// <summary>Datagrams dropped because the inbox was full.</summary>
    public long DroppedDatagrams => Interlocked.Read(ref _droppedDatagrams);

    /// <summary>
    /// Runs the actor's <c>OnStart</c> on the caller's thread — so that a failure reaches the caller
    /// rather than leaving a dead actor behind — then starts the loops. On failure the socket is closed.
    /// </summary>
    /// <exception cref="ActorStartException">The actor's <c>OnStart</c> threw.</exception>
    public void Start()
    {
        try
        {
            var storage = LoadStorage();
            var previous = _startOutputs.Open(this, 0, ActorHandler.OnStart);
            try { _state = _actor.OnStart(Id, storage, _startOutputs); }
            finally { _startOutputs.Close(previous); }
        }
        catch (Exception e)
        {
            RuntimeLog.HandlerFailed(_logger, e, _name, "OnStart");
            _socket.Dispose();
            throw new ActorStartException($"The actor {_actor.GetType().Name} on {Endpoint} threw {e.GetType().Name} in OnStart: {e.Message}", e) { Endpoint = Endpoint };
        }
        var receiving = Task.Run(ReceiveLoopAsync);
        var handling = Task.Run(HandleLoopAsync);
        _completion = Task.WhenAll(receiving, handling);
    }

    /// <summary>Stops both loops, cancels timers and closes the socket.</summary>
    public async Task StopAsync()
    {
        if (!_stopping.IsCancellationRequested) await _stopping.CancelAsync().ConfigureAwait(false);
        _events.Writer.TryComplete();
        _socket.Dispose();
        try { await _completion.ConfigureAwait(false); }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { } // the loops noticing the stop
        _timers.Clear();
        _randoms.Clear();
        RuntimeLog.Stopped(_logger, _name);
    }

    private Task ReceiveLoopAsync() => UdpReceiveLoop.RunAsync(_socket, OnDatagram, OnReceiveError, _stopping.Token);

    private void OnDatagram(ReadOnlySpan<byte> datagram, IPEndPoint sender)
    {
        if (datagram.Length > _options.MaxDatagramSize)
        {
            RuntimeLog.TooLarge(_logger, _name, sender.ToString(), datagram.Length, _options.MaxDatagramSize);
            return;
        }
        // A bounded inbox: when the handler falls behind, newer datagrams are dropped (UDP may drop
        // them anyway) rather than queued without limit. Timer and random events are never dropped.
        if (Interlocked.Increment(ref _queuedDatagrams) > _options.InboxCapacity)
        {
            Interlocked.Decrement(ref _queuedDatagrams);
            var dropped = Interlocked.Increment(ref _droppedDatagrams);
            if (IsPowerOfTen(dropped)) RuntimeLog.InboxFull(_logger, _name, sender.ToString(), datagram.Length, _options.InboxCapacity, dropped);
            return;
        }
        _events.Writer.TryWrite(new HostEvent.Datagram(datagram.ToArray(), sender));
    }

    /// <summary>Drops are logged at 1, 10, 100, … so a flood does not flood the log too.</summary>
    private static bool IsPowerOfTen(long n)
    {
        while (n >= 10 && n % 10 == 0) n /= 10;
        return n == 1;
    }

    private void OnReceiveError(SocketException e)
    {
        if (e.SocketErrorCode == SocketError.MessageSize) RuntimeLog.TooLarge(_logger, _name, "unknown", ActorRuntimeOptions<TMsg>.MaxUdpPayload + 1, _options.MaxDatagramSize);
        else RuntimeLog.ReceiveFailed(_logger, _name, e.Message);
    }

    private async Task HandleLoopAsync()
    {
        var token = _stopping.Token;
        var state = _state;
        RuntimeLog.Started(_logger, _name, state);
        await ApplyAsync(_startOutputs, token).ConfigureAwait(false);

        var o = new Out<TMsg>();
        await foreach (var @event in _events.Reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            bool changed;
            object? previous; // the collector open on this thread before the handler's (none, normally)
            object? decoded = null;
            try
            {
                switch (@event)
                {
                    case HostEvent.Datagram datagram:
                        Interlocked.Decrement(ref _queuedDatagrams);
                        if (!TryDecode(datagram, out var src, out var msg)) continue;
                        decoded = msg;
                        RuntimeLog.Received(_logger, _name, datagram.Sender.ToString(), msg);
                        previous = o.Open(this, 0, ActorHandler.OnMsg);
                        try { state = _actor.OnMsg(Id, state, src, msg, o, out changed); }
                        finally { o.Close(previous); }
                        break;
                    case HostEvent.Timeout timeout when _timers.TryTake(timeout.Timer, timeout.Generation):
                        previous = o.Open(this, 0, ActorHandler.OnTimeout);
                        try { state = _actor.OnTimeout(Id, state, timeout.Timer, o, out changed); }
                        finally { o.Close(previous); }
                        break;
                    case HostEvent.Random random when _randoms.TryTake(random.Key, random.Generation):
                        previous = o.Open(this, 0, ActorHandler.OnRandom);
                        try { state = _actor.OnRandom(Id, state, random.Choice, o, out changed); }
                        finally { o.Close(previous); }
                        break;
                    default:
                        continue; // a timer or choice that was reset or cancelled after it fired
                }
            }
            catch (Exception e)
            {
                RuntimeLog.HandlerFailed(_logger, e, _name, Describe(@event, decoded));
                continue;
            }
            if ((changed || o.Count > 0) && _logger.IsEnabled(LogLevel.Debug)) RuntimeLog.Acted(_logger, _name, state, new OutText<TMsg>(o));
            await ApplyAsync(o, token).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override string DescribeActor(int actor) => $"{_actor.GetType().Name} on {Endpoint}";

    /// <summary>A write after the handler returned: logged, never sent, never thrown (it may come from a thread nobody watches).</summary>
    public override bool Refused(string message, int actor, ActorHandler handler, string write, bool writerInHandler)
    {
        RuntimeLog.LateWrite(_logger, _name, _actor.GetType().Name, handler.ToString(), write);
        return false;
    }

    /// <summary>The event as a log shows it: the decoded message and its sender (never the raw bytes object), or the timer or choice.</summary>
    private static string Describe(HostEvent @event, object? decoded) => @event switch
    {
        HostEvent.Datagram d => $"OnMsg(src={d.Sender}, msg={decoded}, bytes={d.Bytes.Length})",
        HostEvent.Timeout t => $"OnTimeout(timer={t.Timer})",
        HostEvent.Random r => $"OnRandom(key={r.Key}, choice={r.Choice})",
        _ => @event.GetType().Name,
    };

    private bool TryDecode(HostEvent.Datagram datagram, out Id src, out TMsg msg)
    {
        src = default;
        msg = default!;
        var sender = datagram.Sender;
        if (sender.Address.IsIPv4MappedToIPv6) sender = new IPEndPoint(sender.Address.MapToIPv4(), sender.Port);
        if (sender.AddressFamily != AddressFamily.InterNetwork)
        {
            RuntimeLog.NotIPv4(_logger, _name, sender.ToString());
            return false;
        }
        try
        {
            msg = _options.Serializer.Deserialize(datagram.Bytes);
        }
        catch (Exception e)
        {
            RuntimeLog.BadDatagram(_logger, _name, sender.ToString(), datagram.Bytes.Length, e.Message);
            return false;
        }
        src = Id.FromEndpoint(sender);
        return true;
    }

    private object? LoadStorage()
    {
        var path = _storage.PathOf(Endpoint);
        try
        {
            return _storage.Read(Endpoint) is { } bytes ? _options.StorageSerializer.Deserialize(bytes) : null;
        }
        catch (Exception e)
        {
            RuntimeLog.LoadFailed(_logger, e, _name, path);
            return null;
        }
    }

    private async Task ApplyAsync(Out<TMsg> o, CancellationToken token)
    {
        foreach (var command in o.Commands)
        {
            switch (command)
            {
                case Command<TMsg>.Send(var destination, var msg):
                    await SendAsync(destination, msg, token).ConfigureAwait(false);
                    break;
                case Command<TMsg>.SetTimer(var timer, var min, var max):
                    _timers.Schedule(timer, RandomDuration(min, max), generation => new HostEvent.Timeout(timer, generation));
                    break;
                case Command<TMsg>.CancelTimer(var timer):
                    _timers.Cancel(timer);
                    break;
                case Command<TMsg>.ChooseRandom(var key, var choices) when choices.Count == 0:
                    _randoms.Cancel(key);
                    break;
                case Command<TMsg>.ChooseRandom(var key, var choices):
                    var choice = choices[System.Random.Shared.Next(choices.Count)];
                    var delay = RandomDuration(_options.RandomChoiceDelay.Min, _options.RandomChoiceDelay.Max);
                    _randoms.Schedule(key, delay, generation => new HostEvent.Random(key, choice, generation));
                    break;
                case Command<TMsg>.Save(var storage):
                    Save(storage);
                    break;
            }
        }
    }

    private async Task SendAsync(Id destination, TMsg msg, CancellationToken token)
    {
        if (!destination.TryToEndpoint(out var endpoint))
        {
            RuntimeLog.UnknownDestination(_logger, _name, destination.ToString(), msg);
            return;
        }
        byte[] bytes;
        try
        {
            bytes = _options.Serializer.Serialize(msg);
        }
        catch (Exception e)
        {
            RuntimeLog.SerializeFailed(_logger, e, _name, endpoint.ToString(), msg);
            return;
        }
        try
        {
            await _socket.SendToAsync(bytes, SocketFlags.None, endpoint, token).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            RuntimeLog.SendFailed(_logger, _name, endpoint.ToString(), msg, e.Message);
        }
        catch (ObjectDisposedException) when (token.IsCancellationRequested)
        {
            // Stopping: the socket closed under this send.
        }
    }

    private void Save(object storage)
    {
        try
        {
            _storage.Write(Endpoint, _options.StorageSerializer.Serialize(storage));
        }
        catch (Exception e)
        {
            RuntimeLog.SaveFailed(_logger, e, _name, _storage.PathOf(Endpoint));
        }
    }

    private static TimeSpan RandomDuration(TimeSpan min, TimeSpan max) =>
        max > min ? min + TimeSpan.FromTicks(System.Random.Shared.NextInt64(max.Ticks - min.Ticks)) : min;
}
