// README.md "The same actors on UDP": the loopback test helper.
using GettingStarted;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Runtime;

namespace Docs.Readme;

public static class Udp
{
    public static async Task<RegisterMsg<ulong, char, Unit>> PutAsync()
    {
        #region readme-udp
        await using var cluster = LoopbackCluster.Start<RegisterMsg<ulong, char, Unit>>([new ServerActor()]);
        var client = cluster.CreateClient();
        var reply = await client.RequestAsync(cluster[0], new RegisterMsg<ulong, char, Unit>.Put(1, 'X'),
            m => m is RegisterMsg<ulong, char, Unit>.PutOk);   // PutOk(1), or TimeoutException after 10 s
        #endregion
        return reply;
    }
}
