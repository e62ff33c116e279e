using System.Net;
using System.Net.Sockets;
using Stateright.Actors;
using Stateright.Runtime;

namespace Stateright.Tests.BadInput;

/// <summary>Finding 8: the UDP runtime reports an actor that cannot start, bounds each inbox, and logs handler failures readably.</summary>
public class RuntimeBadInputTests
{
    /// <summary>Echoes each message; blocks on "block" until released; throws on "boom".</summary>
    private sealed class EchoActor(SemaphoreSlim? gate = null) : Actor<string, int>
    {
        public int Handled;

        public override int OnStart(Id id, Out<string> o) => 0;

        public override void OnMsg(Id id, ref Cow<int> state, Id src, string msg, Out<string> o)
        {
            Interlocked.Increment(ref Handled);
            if (msg == "block") gate!.Wait();
            if (msg == "boom") throw new InvalidOperationException("the handler broke");
            o.Send(src, msg);
        }
    }

    private sealed class CannotStart : Actor<string, int>
    {
        public override int OnStart(Id id, Out<string> o) => throw new InvalidOperationException("no config file");
    }

    [Fact]
    public void An_actor_whose_OnStart_throws_fails_Start_naming_the_actor_and_endpoint()
    {
        var e = Assert.Throws<ActorStartException>(() => LoopbackCluster.Start<string>([new EchoActor(), new CannotStart()]));
        Assert.Contains("The actor CannotStart on 127.0.0.1:", e.Message);
        Assert.Contains("threw InvalidOperationException in OnStart: no config file", e.Message);
        Assert.Equal(IPAddress.Loopback, e.Endpoint!.Address);
        Assert.Equal("no config file", e.InnerException!.Message);
        // Nothing was left bound: the failed actor's port is free again.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(e.Endpoint);
    }

    [Fact]
    public async Task A_flood_against_a_slow_handler_is_bounded_counted_and_logged()
    {
        using var gate = new SemaphoreSlim(0);
        var actor = new EchoActor(gate);
        const int Capacity = 4;
        await using var cluster = LoopbackCluster.Start<string>([actor], new ActorRuntimeOptions<string> { InboxCapacity = Capacity });
        var client = cluster.CreateClient();
        try
        {
            await client.SendAsync(cluster[0], "block");
            while (Volatile.Read(ref actor.Handled) == 0) await Task.Delay(10);
            var large = new byte[60_000]; // 200 × 60 KB: bounded, quick, far under 100 MB
            for (var i = 0; i < 200 && cluster.Runtime.DroppedDatagrams < 50; i++) await client.SendRawAsync(cluster[0], large);
            var entry = await cluster.WaitForLogAsync(e => e.EventId.Id == 15, TimeSpan.FromSeconds(10));
            Assert.Contains($"Inbox full ({Capacity} datagrams)", entry.Message);
            Assert.Contains("bytes=60000", entry.Message);
            Assert.True(cluster.Runtime.DroppedDatagrams > 0);
        }
        finally
        {
            gate.Release();
        }
        // The actor catches up and answers again (resending, as a UDP client must: a request sent while
        // the inbox is still full is dropped like any other).
        Assert.Equal("after", await client.RequestAsync(cluster[0], "after", m => m == "after", resendEvery: TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task A_handler_exception_is_logged_with_the_decoded_message_not_the_datagram_object()
    {
        await using var cluster = LoopbackCluster.Start<string>([new EchoActor()]);
        var client = cluster.CreateClient();
        await client.SendAsync(cluster[0], "boom");
        var entry = await cluster.WaitForLogAsync(e => e.EventId.Id == 12, TimeSpan.FromSeconds(10));
        Assert.Contains("event=OnMsg(src=127.0.0.1:", entry.Message);
        Assert.Contains("msg=boom, bytes=6)", entry.Message);
        Assert.DoesNotContain("System.Byte[]", entry.Message);
        Assert.Equal("the handler broke", entry.Exception!.Message);
        Assert.Equal("ok", await client.RequestAsync(cluster[0], "ok", m => m == "ok")); // still serving
    }

    [Fact]
    public void Binding_an_endpoint_in_use_names_it()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var endpoint = (IPEndPoint)taken.LocalEndPoint!;
        var e = Assert.Throws<SocketException>(() => ActorRuntime.Start<string>([(endpoint, new EchoActor())]));
        Assert.Equal(SocketError.AddressAlreadyInUse, e.SocketErrorCode);
        Assert.Contains($"Cannot bind UDP {endpoint}: port {endpoint.Port} is in use", e.Message);
    }
}
