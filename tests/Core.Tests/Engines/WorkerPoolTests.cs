namespace Stateright.Tests.Engines;

public class WorkerPoolTests
{
    [Fact]
    public void Runs_every_phase_once_on_each_requested_worker_with_the_same_threads()
    {
        using var pool = new WorkerPool(4);
        var runs = new int[4];
        var threadIds = new HashSet<int>();
        for (var phase = 0; phase < 500; phase++)
        {
            var workers = phase % 2 == 0 ? 4 : 2;
            pool.Run(workers, w =>
            {
                Interlocked.Increment(ref runs[w]);
                lock (threadIds) threadIds.Add(Environment.CurrentManagedThreadId);
            });
        }
        Assert.Equal([500, 500, 250, 250], runs);
        Assert.Equal(4, threadIds.Count); // the caller plus three threads that live for the pool's lifetime
    }

    [Fact]
    public void Rethrows_a_workers_exception_on_the_caller_after_the_phase()
    {
        using var pool = new WorkerPool(3);
        var finished = 0;
        var e = Assert.Throws<InvalidOperationException>(() => pool.Run(3, w =>
        {
            if (w == 2) throw new InvalidOperationException("worker 2 failed");
            Thread.Sleep(20);
            Interlocked.Increment(ref finished);
        }));
        Assert.Equal("worker 2 failed", e.Message);
        Assert.Equal(2, finished);
        pool.Run(3, _ => Interlocked.Increment(ref finished)); // still usable
        Assert.Equal(5, finished);
    }
}
