using System.Runtime.ExceptionServices;

namespace Stateright;

/// <summary>
/// Runs one body per worker on dedicated threads (the caller's thread is worker 0) and waits for all.
/// An exception escaping a body is rethrown on the caller's thread after every worker has stopped,
/// so a bug never takes the test host down.
/// </summary>
internal static class Workers
{
    public static void Run(int count, Action<int> body)
    {
        if (count <= 1)
        {
            body(0);
            return;
        }
        ExceptionDispatchInfo? failure = null;
        var threads = new Thread[count - 1];
        for (var i = 1; i < count; i++)
        {
            var worker = i;
            threads[i - 1] = new Thread(() =>
            {
                try { body(worker); }
                catch (Exception e) { Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null); }
            })
            { IsBackground = true, Name = $"stateright-checker-{worker}" };
            threads[i - 1].Start();
        }
        try { body(0); }
        catch (Exception e) { Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null); }
        foreach (var thread in threads) thread.Join();
        failure?.Throw();
    }
}
