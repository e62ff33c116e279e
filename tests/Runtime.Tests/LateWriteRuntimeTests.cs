using Stateright.Actors;
using Stateright.Runtime;

namespace Stateright.Tests.Runtime;

/// <summary>Issue 28: on UDP, a write to an actor's Out after its handler returned is dropped and logged, never sent.</summary>
public class LateWriteRuntimeTests
{
    /// <summary>On "late", answers from an async void helper once the test releases it; "block" waits in the handler until released.</summary>
    private sealed class LateActor : Actor<string, int>
    {
        public readonly ManualResetEventSlim HandledLate = new();
        public readonly SemaphoreSlim ReleaseLate = new(0);
        public readonly ManualResetEventSlim Written = new();
        public readonly ManualResetEventSlim Blocked = new();
        public readonly SemaphoreSlim Unblock = new(0);

        public override int OnStart(Id id, Out<string> o) => 0;

        public override void OnMsg(Id id, ref Cow<int> state, Id src, string msg, Out<string> o)
        {
            switch (msg)
            {
                case "late":
                    AnswerLater(o, src);
                    HandledLate.Set();
                    break;
                case "block":
                    Blocked.Set();
                    Unblock.Wait();
                    o.Send(src, "unblocked");
                    break;
            }
        }

        private async void AnswerLater(Out<string> o, Id dst)
        {
            try
            {
                await ReleaseLate.WaitAsync().ConfigureAwait(false);
                o.Send(dst, "late-write");
            }
            finally
            {
                Written.Set();
            }
        }
    }

    [Fact]
    public async Task A_write_after_the_handler_returned_is_dropped_and_logged_even_while_another_handler_runs()
    {
        var actor = new LateActor();
        var timeout = TimeSpan.FromSeconds(10);
        await using var cluster = LoopbackCluster.Start<string>([actor]);
        var client = cluster.CreateClient();
        try
        {
            await client.SendAsync(cluster[0], "late");
            Assert.True(actor.HandledLate.Wait(timeout));
            // The late write lands while the actor's next handler runs, so its Out is open — on another thread.
            await client.SendAsync(cluster[0], "block");
            Assert.True(actor.Blocked.Wait(timeout));
            actor.ReleaseLate.Release();
            Assert.True(actor.Written.Wait(timeout));
        }
        finally
        {
            actor.Unblock.Release();
        }
        Assert.Equal("unblocked", await client.ReceiveAsync(m => m == "unblocked"));
        Assert.DoesNotContain(client.Received, m => m.Msg == "late-write");
        var entry = await cluster.WaitForLogAsync(e => e.EventId.Id == 16, timeout);
        Assert.Contains("wrote to its Out after its handler returned", entry.Message);
        Assert.Contains($"id={cluster[0].ToEndpoint()}, actor=LateActor, handler=OnMsg, write=Send to ", entry.Message);
        Assert.Contains(": late-write", entry.Message);
    }
}
