using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Stateright.Actors;

namespace Stateright.Runtime;

/// <summary>
/// Converts between actor ids and IPv4 endpoints the way the Rust library does, so ids are
/// interchangeable: the id's 64-bit value holds, from the most significant byte, two zero bytes,
/// the four address bytes and the two port bytes (<c>127.0.0.1:3000</c> is <c>0x7F00_0001_0BB8</c>).
/// </summary>
public static class IdEndpoints
{
    /// <summary>Conversions reachable as <c>Id.FromEndpoint(…)</c>.</summary>
    extension(Id)
    {
        /// <summary>The id of the actor listening on <paramref name="endpoint"/> (see <see cref="IdEndpoints"/>).</summary>
        /// <exception cref="ArgumentException">The endpoint is not IPv4 (IPv4-mapped IPv6 addresses are accepted).</exception>
        public static Id FromEndpoint(IPEndPoint endpoint) => IdOf(endpoint);
    }

    /// <summary>The id of the actor listening on <paramref name="endpoint"/>.</summary>
    /// <exception cref="ArgumentException">The endpoint is not IPv4 (IPv4-mapped IPv6 addresses are accepted).</exception>
    public static Id IdOf(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var address = endpoint.Address;
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetwork)
            throw new ArgumentException($"Actor ids encode IPv4 endpoints only; '{endpoint}' is {address.AddressFamily}.", nameof(endpoint));
        Span<byte> bytes = stackalloc byte[8];
        bytes.Clear();
        address.TryWriteBytes(bytes.Slice(2, 4), out _);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.Slice(6, 2), (ushort)endpoint.Port);
        return new Id(BinaryPrimitives.ReadUInt64BigEndian(bytes));
    }

    /// <summary>The IPv4 endpoint that <paramref name="id"/> encodes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id's two most significant bytes are not zero, so it encodes no endpoint.</exception>
    public static IPEndPoint ToEndpoint(this Id id)
    {
        if (!TryToEndpoint(id, out var endpoint))
            throw new ArgumentOutOfRangeException(nameof(id), id.Value, $"{id} (0x{id.Value:X}) encodes no IPv4 endpoint: its two most significant bytes must be zero.");
        return endpoint;
    }

    /// <summary>The IPv4 endpoint that <paramref name="id"/> encodes, or false if its two most significant bytes are not zero.</summary>
    public static bool TryToEndpoint(this Id id, out IPEndPoint endpoint)
    {
        if (id.Value >> 48 != 0)
        {
            endpoint = null!;
            return false;
        }
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, id.Value);
        endpoint = new IPEndPoint(new IPAddress(bytes.Slice(2, 4)), BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(6, 2)));
        return true;
    }

    /// <summary>The endpoint as <c>address:port</c> when <paramref name="id"/> encodes one, else the id itself; for logs.</summary>
    public static string ToEndpointString(this Id id) => TryToEndpoint(id, out var endpoint) ? endpoint.ToString() : id.ToString();
}
