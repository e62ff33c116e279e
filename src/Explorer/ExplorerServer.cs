using Microsoft.AspNetCore.Builder;

namespace Stateright.Explorer;

/// <summary>
/// A running Explorer: its <see cref="Address"/>, and the checker it shows. Dispose it to stop the server (and the
/// checker, when the Explorer started it).
/// </summary>
public sealed class ExplorerServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Action? _stopChecker;
    private int _disposed;

    internal ExplorerServer(WebApplication app, Uri address, Action? stopChecker)
    {
        _app = app;
        Address = address;
        _stopChecker = stopChecker;
    }

    /// <summary>The page's address, e.g. <c>http://127.0.0.1:41234/</c>; the API is under <c>api/v1/</c>.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Waits until <paramref name="cancellationToken"/> is cancelled, or Ctrl+C / SIGTERM when it is
    /// <see cref="CancellationToken.None"/>; the server keeps serving meanwhile.
    /// </summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken = default)
    {
        using var signal = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, signal.Token);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            signal.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                signal.Cancel();
            });
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Asked to stop: the caller disposes the server.
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Stops the server, then the checker if the Explorer started it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _stopChecker?.Invoke();
        }
    }
}
