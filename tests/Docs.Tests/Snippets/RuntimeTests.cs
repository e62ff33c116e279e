// docs/runtime.md "Testing on loopback": the same helper under xUnit and under NUnit.
using GettingStarted;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Examples;
using Stateright.Runtime;

namespace Docs.Runtime
{
    namespace Xunit
    {
        using global::Xunit;

        #region runtime-xunit
        public class PaxosOnUdpTests
        {
            [Fact]
            public async Task Decides_the_first_put()
            {
                await using var cluster = LoopbackCluster.Start<RegisterMsg<ulong, char, Paxos.PaxosMsg>>(
                    3, (ids, i) => new Paxos.Server(ids.Where((_, j) => j != i).ToArray()));
                var client = cluster.CreateClient();

                var putOk = await client.RequestAsync(cluster[0], new RegisterMsg<ulong, char, Paxos.PaxosMsg>.Put(1, 'A'),
                    m => m is RegisterMsg<ulong, char, Paxos.PaxosMsg>.PutOk);

                Assert.Equal(new RegisterMsg<ulong, char, Paxos.PaxosMsg>.PutOk(1), putOk);
            }
        }
        #endregion
    }

    namespace NUnit
    {
        using global::NUnit.Framework;

        #region runtime-nunit
        [TestFixture]
        public class RegisterServerTests
        {
            [Test]
            public async Task Drops_garbage_and_keeps_answering()
            {
                await using var cluster = LoopbackCluster.Start<RegisterMsg<ulong, char, Unit>>([new ServerActor()]);
                var client = cluster.CreateClient();

                await client.SendRawAsync(cluster[0], "not json"u8.ToArray());
                await cluster.WaitForLogAsync(e => e.EventId.Id == 4);
                var reply = await client.RequestAsync(cluster[0], new RegisterMsg<ulong, char, Unit>.Get(1),
                    m => m is RegisterMsg<ulong, char, Unit>.GetOk);

                Assert.That(reply, Is.EqualTo(new RegisterMsg<ulong, char, Unit>.GetOk(1, '?')));
            }
        }
        #endregion
    }
}
