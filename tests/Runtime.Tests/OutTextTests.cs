using System.Net;
using Stateright.Actors;
using Stateright.Runtime;

namespace Stateright.Tests.Runtime;

public class OutTextTests
{
    [Fact]
    public void Logged_outputs_show_destinations_as_endpoints()
    {
        var o = new Out<string>();
        o.Send(Id.FromEndpoint(new IPEndPoint(IPAddress.Loopback, 3000)), "hi");
        o.Send(2, "model id");
        o.SetTimer("t", TimeSpan.Zero, TimeSpan.Zero);
        var text = new OutText<string>(o).ToString();
        Assert.StartsWith("[Send { Destination = 127.0.0.1:3000, Msg = hi }, Send { Destination = 0.0.0.0:2, Msg = model id }, ", text, StringComparison.Ordinal);
    }
}
