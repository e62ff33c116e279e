using Microsoft.Extensions.Logging;

namespace Stateright.Runtime;

/// <summary>One message the runtime logged, as recorded by a <see cref="LoopbackCluster{TMsg}"/>.</summary>
/// <param name="Level">The level.</param>
/// <param name="EventId">The event id (for example, 4 for a dropped invalid datagram).</param>
/// <param name="Message">The formatted message, naming the actor and, for input, the sender.</param>
/// <param name="Exception">The exception logged with it, if any.</param>
public sealed record RuntimeLogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Level}: {Message}{(Exception is null ? "" : $" ({Exception.GetType().Name}: {Exception.Message})")}";
}

/// <summary>Keeps what the runtime logs, and lets a test await an entry.</summary>
internal sealed class RuntimeLogRecorder
{
    private readonly object _lock = new();
    private readonly List<RuntimeLogEntry> _entries = [];
    private readonly List<(Func<RuntimeLogEntry, bool> Predicate, TaskCompletionSource<RuntimeLogEntry> Result)> _waiters = [];

    public IReadOnlyList<RuntimeLogEntry> Entries
    {
        get { lock (_lock) return _entries.ToArray(); }
    }

    public void Add(RuntimeLogEntry entry)
    {
        List<TaskCompletionSource<RuntimeLogEntry>> done = [];
        lock (_lock)
        {
            _entries.Add(entry);
            foreach (var waiter in _waiters.Where(w => w.Predicate(entry)).ToList())
            {
                _waiters.Remove(waiter);
                done.Add(waiter.Result);
            }
        }
        foreach (var result in done) result.TrySetResult(entry);
    }

    public async Task<RuntimeLogEntry> WaitAsync(Func<RuntimeLogEntry, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = (predicate, new TaskCompletionSource<RuntimeLogEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            var found = _entries.FirstOrDefault(predicate);
            if (found is not null) return found;
            _waiters.Add(waiter);
        }
        try
        {
            return await waiter.Item2.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No matching log entry within {timeout.TotalSeconds:0.###} s. Logged: [{string.Join("; ", Entries)}].");
        }
        finally
        {
            lock (_lock) _waiters.Remove(waiter);
        }
    }

    /// <summary>A logger factory that records into this recorder and forwards to <paramref name="inner"/>.</summary>
    public ILoggerFactory Wrap(ILoggerFactory inner) => new RecordingFactory(inner, this);

    private sealed class RecordingFactory(ILoggerFactory inner, RuntimeLogRecorder recorder) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RecordingLogger(inner.CreateLogger(categoryName), recorder);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() { }
    }

    private sealed class RecordingLogger(ILogger inner, RuntimeLogRecorder recorder) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information || inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Information) recorder.Add(new RuntimeLogEntry(logLevel, eventId, formatter(state, exception), exception));
            if (inner.IsEnabled(logLevel)) inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
