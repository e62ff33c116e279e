using System.Runtime.ExceptionServices;

namespace Stateright;

/// <summary>
/// Checker threads that live for one run: <see cref="Run"/> hands a body to the first workers and
/// waits for them (the calling thread is worker 0), so an engine that works in phases (BFS: each level,
/// twice) pays for thread start-up once, not per phase. An exception escaping a body is rethrown on
/// the caller's thread after every worker of that phase has stopped, so a bug never takes the test host
/// down.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly Thread[] _threads;
    private readonly object _gate = new();
    private Action<int>? _body;
    private int _active; // workers 1.._active - 1 take part in the current phase
    private long _phase;
    private int _running;
    private bool _disposed;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Starts <paramref name="size"/> - 1 background threads (none for a size of 1).</summary>
    public WorkerPool(int size)
    {
        Size = Math.Max(1, size);
        _threads = new Thread[Size - 1];
        for (var i = 1; i < Size; i++)
        {
            var worker = i;
            _threads[i - 1] = new Thread(() => Loop(worker)) { IsBackground = true, Name = $"stateright-checker-{worker}" };
            _threads[i - 1].Start();
        }
    }

    /// <summary>The number of workers, the calling thread included.</summary>
    public int Size { get; }

    /// <summary>Runs <paramref name="body"/> on workers 0 .. <paramref name="workers"/> - 1 and waits for all of them.</summary>
    public void Run(int workers, Action<int> body)
    {
        workers = Math.Clamp(workers, 1, Size);
        if (workers == 1)
        {
            body(0);
            return;
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _body = body;
            _active = workers;
            _running = workers - 1;
            _failure = null;
            _phase++;
            Monitor.PulseAll(_gate);
        }
        try { body(0); }
        catch (Exception e) { Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null); }
        lock (_gate)
        {
            while (_running > 0) Monitor.Wait(_gate);
            _body = null;
        }
        _failure?.Throw();
    }

    private void Loop(int worker)
    {
        long seen = 0;
        while (true)
        {
            Action<int> body;
            lock (_gate)
            {
                while (!_disposed && (_phase == seen || worker >= _active)) Monitor.Wait(_gate);
                if (_disposed) return;
                seen = _phase;
                body = _body!;
            }
            try { body(worker); }
            catch (Exception e) { Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null); }
            lock (_gate)
            {
                if (--_running == 0) Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Stops the threads (after the phase in progress, if any).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
