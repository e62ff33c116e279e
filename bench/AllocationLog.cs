using System.Diagnostics.Tracing;

namespace Stateright.Bench;

/// <summary>
/// Where the bytes go, for <c>--alloc-log</c>: listens in-process to the runtime's allocation samples
/// (one event about every 100 KB allocated, naming the type of the object that crossed the mark) and
/// tallies them by type, so the top types approximate each type's share of the bytes allocated.
/// Sampling costs a little time; figures from such a run are not for the tables.
/// </summary>
internal sealed class AllocationLog : EventListener
{
    private const long GcKeyword = 0x1;
    private readonly Dictionary<string, (long Samples, long Bytes)> _byType = [];

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!e.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a]) : 100_000;
        lock (_byType)
        {
            _byType.TryGetValue(type, out var seen);
            _byType[type] = (seen.Samples + 1, seen.Bytes + amount);
        }
    }

    /// <summary>The types with the most sampled bytes, with their share of all samples.</summary>
    public void Print(TextWriter output, int top = 15)
    {
        lock (_byType)
        {
            var total = Math.Max(1, _byType.Values.Sum(v => v.Bytes));
            foreach (var (type, (samples, bytes)) in _byType.OrderByDescending(kv => kv.Value.Bytes).Take(top))
                output.WriteLine($"alloc {bytes * 100.0 / total,5:F1}%  {samples,6:N0} samples  {type}");
        }
    }
}
