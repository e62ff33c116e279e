namespace Stateright;

public sealed partial class Checker<TState, TAction>
{
    /// <summary>
    /// Writes progress to <paramref name="writer"/> while checking (<c>Checking. states=…, unique=…, depth=…</c>
    /// every <paramref name="interval"/>, default one second), then <c>Done. states=N, unique=N, depth=N, sec=N</c>
    /// and each discovery: property, classification, the actions and the index path, as the Rust
    /// library's reporter does. Blocks until checking is done.
    /// </summary>
    public Checker<TState, TAction> Report(TextWriter writer, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var delay = interval ?? TimeSpan.FromSeconds(1);
        while (!_done.Task.Wait(delay))
            writer.Write(ProgressLine());
        WriteSummary(writer);
        return this;
    }

    /// <summary>Like <see cref="Report"/>, without blocking a thread.</summary>
    public async Task<Checker<TState, TAction>> ReportAsync(TextWriter writer, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var delay = interval ?? TimeSpan.FromSeconds(1);
        while (!_isDone)
        {
            var finished = await Task.WhenAny(_done.Task, Task.Delay(delay, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (finished != _done.Task) await writer.WriteAsync(ProgressLine()).ConfigureAwait(false);
        }
        WriteSummary(writer);
        return this;
    }

    /// <summary>The Rust reporter's progress line, and the growth warning when there is one.</summary>
    private string ProgressLine() =>
        $"Checking. states={StateCount}, unique={UniqueStateCount}, depth={MaxDepth}\n" +
        (GrowthWarning is { } warning ? $"Warning: {warning}.\n" : "");

    private void WriteSummary(TextWriter writer)
    {
        writer.Write($"Done. states={StateCount}, unique={UniqueStateCount}, depth={MaxDepth}, sec={(long)Elapsed.TotalSeconds}\n");
        if (Properties.Any(p => p.Expectation == Expectation.Eventually)) writer.Write($"Eventually properties checked {LivenessDescription}.\n");
        if (Coverage is { } coverage) writer.Write(coverage.Describe() + "\n");
        foreach (var (name, path) in _discoveries)
        {
            writer.Write($"Discovered \"{name}\" {DiscoveryClassification(name).ToReportWord()} {path.ToString(Model)}");
            writer.Write($"Action index path: {path.Encode()}\n");
            if (path.CycleStart is { } k) writer.Write($"Cycle: steps {k + 1}–{path.Length} repeat forever.\n");
        }
        if (Error is not null) writer.Write($"Error: {Error.Message}\n");
        else if (Status is not (CheckerStatus.Exhausted or CheckerStatus.FinishedByDiscoveries))
            writer.Write($"Incomplete: {IncompleteReason()}.\n");
    }
}
