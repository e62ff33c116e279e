using Microsoft.Extensions.Logging;

namespace Stateright.Runtime;

/// <summary>The runtime's log messages; each names the actor and, for input, the sender.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(1, LogLevel.Information, "Actor started. id={Actor}, state={State}")]
    public static partial void Started(ILogger logger, string actor, object state);

    [LoggerMessage(2, LogLevel.Information, "Actor stopped. id={Actor}")]
    public static partial void Stopped(ILogger logger, string actor);

    [LoggerMessage(3, LogLevel.Debug, "Received. id={Actor}, src={Sender}, msg={Msg}")]
    public static partial void Received(ILogger logger, string actor, string sender, object? msg);

    [LoggerMessage(4, LogLevel.Warning, "Dropped a datagram that is not a valid message. id={Actor}, src={Sender}, bytes={Length}, error={Error}")]
    public static partial void BadDatagram(ILogger logger, string actor, string sender, int length, string error);

    [LoggerMessage(5, LogLevel.Warning, "Dropped a datagram larger than {Max} bytes. id={Actor}, src={Sender}, bytes={Length}")]
    public static partial void TooLarge(ILogger logger, string actor, string sender, int length, int max);

    [LoggerMessage(6, LogLevel.Warning, "Dropped a datagram from a non-IPv4 sender. id={Actor}, src={Sender}")]
    public static partial void NotIPv4(ILogger logger, string actor, string sender);

    [LoggerMessage(7, LogLevel.Warning, "Cannot send: the destination encodes no IPv4 endpoint. id={Actor}, dst={Destination}, msg={Msg}")]
    public static partial void UnknownDestination(ILogger logger, string actor, string destination, object? msg);

    [LoggerMessage(8, LogLevel.Warning, "Cannot serialize a message; not sent. id={Actor}, dst={Destination}, msg={Msg}")]
    public static partial void SerializeFailed(ILogger logger, Exception error, string actor, string destination, object? msg);

    [LoggerMessage(9, LogLevel.Warning, "Cannot send. id={Actor}, dst={Destination}, msg={Msg}, error={Error}")]
    public static partial void SendFailed(ILogger logger, string actor, string destination, object? msg, string error);

    [LoggerMessage(10, LogLevel.Error, "Cannot save storage; the previous storage (if any) is kept. id={Actor}, path={Path}")]
    public static partial void SaveFailed(ILogger logger, Exception error, string actor, string path);

    [LoggerMessage(11, LogLevel.Error, "Cannot read saved storage; starting without it. id={Actor}, path={Path}")]
    public static partial void LoadFailed(ILogger logger, Exception error, string actor, string path);

    [LoggerMessage(12, LogLevel.Error, "The actor threw; its state is unchanged and its outputs are dropped. id={Actor}, event={Event}")]
    public static partial void HandlerFailed(ILogger logger, Exception error, string actor, string @event);

    [LoggerMessage(13, LogLevel.Warning, "Cannot receive; still listening. id={Actor}, error={Error}")]
    public static partial void ReceiveFailed(ILogger logger, string actor, string error);

    [LoggerMessage(15, LogLevel.Warning, "Inbox full ({Capacity} datagrams): dropped a datagram; the actor is not keeping up. id={Actor}, src={Sender}, bytes={Length}, dropped so far={Dropped}")]
    public static partial void InboxFull(ILogger logger, string actor, string sender, int length, int capacity, long dropped);

    [LoggerMessage(16, LogLevel.Error, "The actor wrote to its Out after its handler returned (an async continuation or a kept Out); the write was dropped, not sent. Write outputs before the handler returns. id={Actor}, actor={ActorType}, handler={Handler}, write={Write}")]
    public static partial void LateWrite(ILogger logger, string actor, string actorType, string handler, string write);

    [LoggerMessage(14, LogLevel.Debug, "Acted. id={Actor}, state={State}, out={Out}")]
    public static partial void Acted(ILogger logger, string actor, object state, object @out);
}
