using System.Net;

namespace Stateright.Runtime;

/// <summary>An input for an actor host's handler loop.</summary>
internal abstract record HostEvent
{
    private HostEvent() { }

    /// <summary>Bytes received from <c>Sender</c>.</summary>
    public sealed record Datagram(byte[] Bytes, IPEndPoint Sender) : HostEvent;

    /// <summary>A timer fired; stale unless <c>Generation</c> is still the timer's current one.</summary>
    public sealed record Timeout(object Timer, long Generation) : HostEvent;

    /// <summary>A random choice is due; stale unless <c>Generation</c> is still the key's current one.</summary>
    public sealed record Random(string Key, object Choice, long Generation) : HostEvent;
}
