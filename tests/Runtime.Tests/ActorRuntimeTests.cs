using System.Net;
using System.Net.Sockets;
using Stateright.Actors;
using Stateright.Runtime;

namespace Stateright.Tests.Runtime;

public class ActorRuntimeTests
{
    private static readonly ActorRuntimeOptions<ProbeMsg> s_options = new() { RandomChoiceDelay = (TimeSpan.Zero, TimeSpan.FromMilliseconds(20)) };

    [Fact]
    public async Task Timers_fire_and_rearm_and_a_cancelled_timer_never_fires()
    {
        await using var cluster = LoopbackCluster.Start<ProbeMsg>([new ProbeActor()], s_options);
        var client = cluster.CreateClient();
        await client.SendAsync(cluster[0], new ProbeMsg.Subscribe());
        for (var n = 1; n <= 3; n++) Assert.Equal(new ProbeMsg.Tick(n), await client.ReceiveAsync(m => m is ProbeMsg.Tick));
        // The probe answers in order, so once a Read is answered every earlier event has been handled.
        await client.RequestAsync(cluster[0], new ProbeMsg.Read(1), m => m is ProbeMsg.Counted);
        Assert.DoesNotContain(client.Received, m => m.Msg is ProbeMsg.Late);
        Assert.All(client.Received, m => Assert.Equal(cluster[0], m.Src));
    }

    [Fact]
    public async Task A_random_choice_arrives_through_OnRandom()
    {
        await using var cluster = LoopbackCluster.Start<ProbeMsg>([new ProbeActor()], s_options);
        var client = cluster.CreateClient();
        var sides = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            var chosen = (ProbeMsg.Chosen)await client.RequestAsync(cluster[0], new ProbeMsg.Flip(), m => m is ProbeMsg.Chosen);
            sides.Add(chosen.Side);
        }
        Assert.Subset(new HashSet<string> { "heads", "tails" }, sides);
    }

    [Fact]
    public async Task Self_sends_go_through_the_socket_with_the_actor_as_sender()
    {
        await using var cluster = LoopbackCluster.Start<ProbeMsg>([new ProbeActor()]);
        var client = cluster.CreateClient();
        Assert.Equal(new ProbeMsg.EchoedFromSelf(7), await client.RequestAsync(cluster[0], new ProbeMsg.SelfSend(7), m => m is ProbeMsg.EchoedFromSelf));
    }

    [Fact]
    public async Task A_restarted_actor_recovers_its_saved_storage_and_forgets_the_rest()
    {
        await using var cluster = LoopbackCluster.Start<ProbeMsg>([new ProbeActor(), new ProbeActor()]);
        var client = cluster.CreateClient();
        Assert.Equal(new ProbeMsg.Counted(1, 1), await client.RequestAsync(cluster[0], new ProbeMsg.Increment(1), m => m is ProbeMsg.Counted));
        Assert.Equal(new ProbeMsg.Counted(2, 2), await client.RequestAsync(cluster[0], new ProbeMsg.Increment(2), m => m is ProbeMsg.Counted));
        Assert.Equal(new ProbeMsg.Counted(3, 1), await client.RequestAsync(cluster[1], new ProbeMsg.Increment(3), m => m is ProbeMsg.Counted));

        await cluster.RestartAsync(0);

        Assert.Equal(new ProbeMsg.Counted(4, 2), await client.RequestAsync(cluster[0], new ProbeMsg.Read(4), m => m is ProbeMsg.Counted));
        Assert.Equal(new ProbeMsg.Counted(5, 1), await client.RequestAsync(cluster[1], new ProbeMsg.Read(5), m => m is ProbeMsg.Counted));
        Assert.Equal(2, cluster.Log.Count(e => e.EventId.Id == 1 && e.Message.Contains(cluster[0].ToEndpointString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_new_runtime_on_the_same_endpoint_and_directory_recovers_storage()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"stateright-restart-{Guid.NewGuid():N}");
        var options = new ActorRuntimeOptions<ProbeMsg> { StorageDirectory = directory };
        try
        {
            await using var client = new LoopbackClient<ProbeMsg>();
            IPEndPoint endpoint;
            await using (var first = ActorRuntime.Start<ProbeMsg>([(new IPEndPoint(IPAddress.Loopback, 0), new ProbeActor())], options))
            {
                endpoint = first.Endpoints[0];
                await client.RequestAsync(first.Ids[0], new ProbeMsg.Increment(1), m => m is ProbeMsg.Counted);
                Assert.True(File.Exists(first.Storage.PathOf(endpoint)));
            }
            await using var second = ActorRuntime.Start<ProbeMsg>([(endpoint, new ProbeActor())], options);
            Assert.Equal(new ProbeMsg.Counted(2, 1), await client.RequestAsync(second.Ids[0], new ProbeMsg.Read(2), m => m is ProbeMsg.Counted));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_storage_write_failure_is_logged_and_the_actor_keeps_serving()
    {
        var notADirectory = Path.GetTempFileName();
        try
        {
            await using var cluster = LoopbackCluster.Start<ProbeMsg>([new ProbeActor()], new ActorRuntimeOptions<ProbeMsg> { StorageDirectory = notADirectory });
            var client = cluster.CreateClient();
            Assert.Equal(new ProbeMsg.Counted(1, 1), await client.RequestAsync(cluster[0], new ProbeMsg.Increment(1), m => m is ProbeMsg.Counted));
            var entry = await cluster.WaitForLogAsync(e => e.EventId.Id == 10);
            Assert.Contains("Cannot save storage", entry.Message);
            Assert.NotNull(entry.Exception);
            Assert.Equal(new ProbeMsg.Counted(2, 1), await client.RequestAsync(cluster[0], new ProbeMsg.Read(2), m => m is ProbeMsg.Counted));
        }
        finally
        {
            File.Delete(notADirectory);
        }
    }

    [Fact]
    public async Task Unknown_destinations_send_failures_and_handler_exceptions_are_logged_and_survived()
    {
        await using var cluster = LoopbackCluster.Start<ProbeMsg>([new ProbeActor()]);
        var client = cluster.CreateClient();
        Assert.Equal(new ProbeMsg.Counted(1, 0), await client.RequestAsync(cluster[0], new ProbeMsg.Misbehave(1), m => m is ProbeMsg.Counted));
        Assert.Contains("encodes no IPv4 endpoint", (await cluster.WaitForLogAsync(e => e.EventId.Id == 7)).Message);
        Assert.Contains("Cannot send", (await cluster.WaitForLogAsync(e => e.EventId.Id == 9)).Message);
        Assert.DoesNotContain(client.Received, m => m.Msg is ProbeMsg.Blob);

        await client.SendAsync(cluster[0], new ProbeMsg.Crash());
        var crash = await cluster.WaitForLogAsync(e => e.EventId.Id == 12);
        Assert.IsType<InvalidOperationException>(crash.Exception);
        Assert.Equal(new ProbeMsg.Counted(2, 1), await client.RequestAsync(cluster[0], new ProbeMsg.Increment(2), m => m is ProbeMsg.Counted));
    }

    [Fact]
    public async Task Binding_a_used_endpoint_fails_and_IPv6_is_refused()
    {
        await using var cluster = LoopbackCluster.Start<ProbeMsg>([new ProbeActor()]);
        Assert.Throws<SocketException>(() => ActorRuntime.Start<ProbeMsg>([(cluster[0].ToEndpoint(), new ProbeActor())]));
        Assert.Throws<ArgumentException>(() => ActorRuntime.Start<ProbeMsg>([(new IPEndPoint(IPAddress.IPv6Loopback, 0), new ProbeActor())]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorRuntime.Start<ProbeMsg>([], new ActorRuntimeOptions<ProbeMsg> { MaxDatagramSize = 70_000 }));
    }

    [Fact]
    public async Task Stopping_is_idempotent_and_completes()
    {
        var cluster = LoopbackCluster.Start<ProbeMsg>([new ProbeActor()]);
        var runtime = cluster.Runtime;
        await cluster.DisposeAsync();
        await cluster.DisposeAsync();
        Assert.True(runtime.Completion.IsCompletedSuccessfully);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => runtime.RestartAsync(runtime.Ids[0]));
        Assert.Contains(cluster.Log, e => e.EventId.Id == 2);
    }

    [Fact]
    public async Task RunAsync_stops_when_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var running = ActorRuntime.RunAsync<ProbeMsg>([(new IPEndPoint(IPAddress.Loopback, 0), new ProbeActor())], cancellationToken: cancel.Token);
        Assert.False(running.IsCompleted);
        await cancel.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_reply_that_never_comes_times_out_with_what_did_arrive()
    {
        await using var cluster = LoopbackCluster.Start<ProbeMsg>([new ProbeActor()]);
        var client = cluster.CreateClient();
        await client.RequestAsync(cluster[0], new ProbeMsg.Read(1), m => m is ProbeMsg.Counted);
        var e = await Assert.ThrowsAsync<TimeoutException>(() => client.ReceiveAsync(m => m is ProbeMsg.Late, TimeSpan.FromMilliseconds(50)));
        Assert.Contains("Counted", e.Message);
    }
}
