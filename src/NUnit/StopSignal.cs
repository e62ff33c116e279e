using NUnit.Framework.Internal;

namespace Stateright.Testing.NUnit;

/// <summary>
/// One token for NUnit's two ways of stopping a test: the test's own cancellation token (set by
/// <c>[CancelAfter]</c>) and a forced stop of the run (the adapter's cancel, e.g. Ctrl+C or Test
/// Explorer's Cancel). NUnit 4 and 5 signal the latter only through
/// <see cref="TestExecutionContext.ExecutionStatus"/>, so it is polled. A graceful stop
/// (<see cref="TestExecutionStatus.StopRequested"/>) lets running tests finish, as NUnit documents.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(200);
    private readonly CancellationTokenSource _source;
    private readonly Timer _poll;

    public StopSignal(TestExecutionContext context)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        _poll = new Timer(_ => Poll(context), null, TimeSpan.Zero, s_pollInterval);
    }

    /// <summary>Cancelled when the test or the run is stopped.</summary>
    public CancellationToken Token => _source.Token;

    private void Poll(TestExecutionContext context)
    {
        if (context.ExecutionStatus == TestExecutionStatus.AbortRequested) _source.Cancel();
    }

    public void Dispose()
    {
        // Wait for a running poll, so none cancels a disposed source.
        using (var stopped = new ManualResetEvent(false))
            if (_poll.Dispose(stopped)) stopped.WaitOne();
        _source.Dispose();
    }
}
