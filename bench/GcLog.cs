namespace Stateright.Bench;

/// <summary>
/// Per-generation collector figures for <c>--gc-log</c>: a background thread samples the last
/// collection every 2 ms and keeps each one once (by index), so the summary splits pauses and promoted
/// bytes by generation, which the process-wide counters do not. Collections closer together than the
/// sampling interval are missed; the summary says how many.
/// </summary>
internal sealed class GcLog : IDisposable
{
    private readonly Thread _thread;
    private readonly List<GCMemoryInfo> _seen = [];
    private volatile bool _stop;

    public GcLog()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "gc-log" };
        _thread.Start();
    }

    private void Sample()
    {
        long last = -1;
        while (!_stop)
        {
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            if (info.Index != last && info.Index > 0)
            {
                last = info.Index;
                lock (_seen) _seen.Add(info);
            }
            Thread.Sleep(2);
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    /// <summary>One line per generation: collections seen, total and longest pause, bytes promoted, heap size after the last.</summary>
    public void Print(TextWriter output)
    {
        lock (_seen)
        {
            foreach (var group in _seen.GroupBy(i => i.Generation).OrderBy(g => g.Key))
            {
                var pauses = group.Select(i => i.PauseDurations.ToArray().Sum(p => p.TotalMilliseconds)).ToList();
                output.WriteLine($"gc gen{group.Key}: {group.Count()} seen, pause {pauses.Sum() / 1000:F2} s (max {pauses.Max():F0} ms), promoted {group.Sum(i => i.PromotedBytes) / (1024.0 * 1024):N0} MiB, heap after last {group.Last().HeapSizeBytes / (1024.0 * 1024):N0} MiB, compacted {group.Count(i => i.Compacted)}");
            }
            output.WriteLine($"gc seen {_seen.Count} of {GC.CollectionCount(0)} collections");
        }
    }
}
