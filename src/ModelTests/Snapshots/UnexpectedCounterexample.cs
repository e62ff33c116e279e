using System.Text;

namespace Stateright.Snapshots;

/// <summary>
/// A counterexample that no <c>[ExpectDiscovery]</c> expects: an <c>Always</c> or <c>Eventually</c> property
/// violated. Pinning it as a verified snapshot would not make its test pass, so neither
/// <see cref="SnapshotEnvironment.AutoAcceptVariable"/> nor <c>stateright accept</c> pins it unasked. The run
/// records it in a marker file beside the received snapshot (<see cref="MarkerFor"/>), written before the
/// received file and deleted with it; the received file's bytes are the same as for an expected discovery.
/// </summary>
/// <param name="Property">The violated property.</param>
/// <param name="Method">The model method's full name (<c>Namespace.Class.Method</c>).</param>
public sealed record UnexpectedCounterexample(string Property, string Method)
{
    /// <summary>The end of a marker file's name: <c>&lt;Class&gt;.&lt;Method&gt;.&lt;property&gt;.received.unexpected</c> (ignored with <c>*.received.*</c>).</summary>
    public const string MarkerSuffix = ".received.unexpected";

    private const string Heading = "Unexpected counterexample";
    private const string PropertyKey = "Property: ";
    private const string MethodKey = "Method: ";

    /// <summary>The attribute that would expect it: <c>[ExpectDiscovery("property")]</c>.</summary>
    public string Attribute => $"[ExpectDiscovery(\"{Property}\")]";

    /// <summary>The marker file of the received snapshot <paramref name="received"/> (a <c>*.received.txt</c> path).</summary>
    public static string MarkerFor(string received)
    {
        ArgumentNullException.ThrowIfNull(received);
        const string suffix = ".received.txt";
        if (!received.EndsWith(suffix, StringComparison.Ordinal)) throw new ArgumentException($"Not a received snapshot (*{suffix}): {received}", nameof(received));
        return received[..^suffix.Length] + MarkerSuffix;
    }

    /// <summary>Writes the marker of <paramref name="received"/>.</summary>
    public void WriteMarker(string received) =>
        File.WriteAllText(MarkerFor(received), $"{Heading}\n{PropertyKey}{Property}\n{MethodKey}{Method}\n", new UTF8Encoding(false));

    /// <summary>
    /// The unexpected counterexample whose marker is beside <paramref name="received"/>, or null when there is
    /// none (an expected counterexample or an example). A marker that cannot be parsed still marks the file.
    /// </summary>
    public static UnexpectedCounterexample? ReadMarker(string received)
    {
        var marker = MarkerFor(received);
        var info = new FileInfo(marker);
        if (info.LinkTarget is null && !info.Exists) return null;
        // A link still marks the file, but is never read through (as the tool never reads through links).
        var lines = info.LinkTarget is null ? File.ReadAllLines(marker) : [];
        string Value(string key) => lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?[key.Length..].Trim() ?? "";
        var property = Value(PropertyKey);
        var method = Value(MethodKey);
        return new UnexpectedCounterexample(property.Length > 0 ? property : "<property>", method.Length > 0 ? method : "its model method");
    }

    /// <summary>Deletes the marker of <paramref name="received"/>, if any.</summary>
    public static void DeleteMarker(string received)
    {
        var marker = MarkerFor(received);
        if (File.Exists(marker) || new FileInfo(marker).LinkTarget is not null) File.Delete(marker);
    }
}
