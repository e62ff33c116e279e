namespace Stateright.Runtime;

/// <summary>
/// Turns messages into datagrams and back for the UDP runtime. <see cref="JsonMessageSerializer{TMsg}"/>
/// is the default; implement this for another wire format.
/// </summary>
/// <typeparam name="TMsg">The message type.</typeparam>
public interface IMessageSerializer<TMsg>
{
    /// <summary>The datagram for <paramref name="msg"/>.</summary>
    byte[] Serialize(TMsg msg);

    /// <summary>
    /// The message in <paramref name="datagram"/>. Throws (any exception) when the bytes are not a valid
    /// message; the runtime logs the error with the sender and drops the datagram.
    /// </summary>
    TMsg Deserialize(ReadOnlySpan<byte> datagram);
}
