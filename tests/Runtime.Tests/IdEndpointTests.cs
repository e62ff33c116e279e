using System.Net;
using Stateright.Actors;
using Stateright.Runtime;

namespace Stateright.Tests.Runtime;

public class IdEndpointTests
{
    [Fact]
    public void Packs_address_and_port_as_the_Rust_library_does()
    {
        // Rust: Id::from(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 3000)) == Id(0x0000_7F00_0001_0BB8)
        Assert.Equal(new Id(0x0000_7F00_0001_0BB8), Id.FromEndpoint(new IPEndPoint(IPAddress.Loopback, 3000)));
        Assert.Equal(new Id(0x0000_C0A8_0102_FFFF), Id.FromEndpoint(new IPEndPoint(IPAddress.Parse("192.168.1.2"), 65535)));
        Assert.Equal(new Id(0), Id.FromEndpoint(new IPEndPoint(IPAddress.Any, 0)));
    }

    [Theory]
    [InlineData("127.0.0.1", 3000)]
    [InlineData("10.1.2.3", 1)]
    [InlineData("255.255.255.255", 65535)]
    public void Round_trips(string address, int port)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse(address), port);
        Assert.Equal(endpoint, Id.FromEndpoint(endpoint).ToEndpoint());
        Assert.Equal($"{address}:{port}", Id.FromEndpoint(endpoint).ToEndpointString());
    }

    [Fact]
    public void Accepts_IPv4_mapped_IPv6_and_rejects_other_IPv6()
    {
        Assert.Equal(Id.FromEndpoint(new IPEndPoint(IPAddress.Loopback, 7)), Id.FromEndpoint(new IPEndPoint(IPAddress.Loopback.MapToIPv6(), 7)));
        var e = Assert.Throws<ArgumentException>(() => Id.FromEndpoint(new IPEndPoint(IPAddress.IPv6Loopback, 7)));
        Assert.Contains("IPv4", e.Message);
    }

    [Fact]
    public void Ids_with_high_bytes_encode_no_endpoint()
    {
        Assert.False(new Id(1UL << 48).TryToEndpoint(out _));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Id(ulong.MaxValue).ToEndpoint());
        Assert.Contains("encodes no IPv4 endpoint", e.Message);
        Assert.Equal("Id(18446744073709551615)", new Id(ulong.MaxValue).ToEndpointString());
        // A model index is a valid (if unusual) endpoint: 0.0.0.0:index.
        Assert.Equal(new IPEndPoint(IPAddress.Any, 2), Id.From(2).ToEndpoint());
    }
}
