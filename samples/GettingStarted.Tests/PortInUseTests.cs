using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;

namespace GettingStarted.Tests;

/// <summary>Finding 8: the sample, started while its port is taken, says so and exits non-zero.</summary>
public class PortInUseTests
{
    [Fact]
    public async Task The_server_says_the_port_is_in_use_and_returns_a_failure_exit_code()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0)); // an ephemeral port stands in for 3000
        var endpoint = (IPEndPoint)taken.LocalEndPoint!;
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await Server.RunAsync(endpoint, NullLoggerFactory.Instance, output, error);
        Assert.Equal(1, exitCode);
        Assert.Contains($"port {endpoint.Port} is in use", error.ToString());
        Assert.Contains(endpoint.ToString(), error.ToString());
        Assert.Equal("", output.ToString());
    }
}
