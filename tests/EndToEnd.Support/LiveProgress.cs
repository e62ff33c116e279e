using System.Globalization;
using System.Text.RegularExpressions;

namespace Stateright.Testing.EndToEnd;

/// <summary>
/// Reads a streamed <c>dotnet test</c> run (<see cref="DotnetCli.Stream"/>) for the live progress of one
/// model test: the periodic "Checking." lines the console showed before the test's result line.
/// </summary>
public static partial class LiveProgress
{
    /// <summary>The environment that makes the fixtures' <c>Slow</c> model check until its timeout (tests/Fixtures/Shared).</summary>
    public static IReadOnlyDictionary<string, string?> SlowFixture { get; } = new Dictionary<string, string?> { ["STATERIGHT_FIXTURE_SLOW"] = "1" };

    /// <summary>
    /// The console's result line for <paramref name="testName"/>, or null: VSTest's "Passed …" / "Failed …",
    /// or Microsoft.Testing.Platform's "passed …" / "failed …" (after its color codes).
    /// </summary>
    public static DotnetCli.TimedLine? ResultLine(DotnetCli.StreamedResult run, string testName) =>
        run.Lines.FirstOrDefault(l => Colors().Replace(l.Text, "").TrimStart() is var text
            && (text.StartsWith("Passed ", StringComparison.OrdinalIgnoreCase) || text.StartsWith("Failed ", StringComparison.OrdinalIgnoreCase))
            && text.Contains(testName, StringComparison.Ordinal));

    /// <summary>
    /// The live periodic progress lines of <paramref name="testName"/> ("…testName…: Checking. states=…",
    /// the front ends name the test) that arrived before <paramref name="before"/>; not the copies of the
    /// test's output that runners print with its result.
    /// </summary>
    public static IReadOnlyList<DotnetCli.TimedLine> PeriodicLines(DotnetCli.StreamedResult run, string testName, TimeSpan before) =>
        run.Lines.Where(l => l.At < before && l.Text.Contains(testName + ": Checking. states=", StringComparison.Ordinal)).ToArray();

    /// <summary>The checker's elapsed seconds printed in a progress line (its "sec=" field).</summary>
    public static double CheckerSeconds(DotnetCli.TimedLine line) =>
        double.Parse(Seconds().Match(line.Text).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>
    /// What is wrong with the live progress of <paramref name="testName"/> in <paramref name="run"/> (empty
    /// when nothing is): its result line must be there; at least <paramref name="minimum"/> periodic lines
    /// must have arrived before it, the last of those at least <paramref name="margin"/> earlier (while
    /// the test still ran, not in a burst at its end); and they must be throttled, at least four checker
    /// seconds apart (the console gets one every few seconds, not one a second).
    /// </summary>
    public static IReadOnlyList<string> Problems(DotnetCli.StreamedResult run, string testName, int minimum = 2, TimeSpan? margin = null)
    {
        if (ResultLine(run, testName) is not { } result) return [$"no \"Passed/Failed …{testName}…\" line"];
        var periodic = PeriodicLines(run, testName, result.At);
        var problems = new List<string>();
        if (periodic.Count < minimum) problems.Add($"{periodic.Count} progress line(s) before the result line, expected at least {minimum}");
        else if (result.At - periodic[minimum - 1].At is var lead && lead < (margin ?? TimeSpan.FromSeconds(2)))
            problems.Add($"progress line {minimum} arrived only {lead.TotalSeconds:F1}s before the result line");
        for (var i = 1; i < periodic.Count; i++)
            if (CheckerSeconds(periodic[i]) - CheckerSeconds(periodic[i - 1]) < 4)
                problems.Add($"progress lines not throttled: \"{periodic[i - 1].Text.Trim()}\" then \"{periodic[i].Text.Trim()}\"");
        return problems;
    }

    /// <summary>Null when the live progress of <paramref name="testName"/> is right (see <see cref="Problems"/>); otherwise the problems and the whole timed run.</summary>
    public static string? Failure(DotnetCli.StreamedResult run, string testName, int minimum = 2) =>
        Problems(run, testName, minimum) is { Count: > 0 } problems ? string.Join('\n', problems) + "\n" + Describe(run) : null;

    /// <summary>The whole run with each line's arrival time, for failure messages.</summary>
    public static string Describe(DotnetCli.StreamedResult run) =>
        $"exit {run.ExitCode} at {run.ExitedAt.TotalSeconds:F1}s\n" + string.Join('\n', run.Lines.Select(l => $"{l.At.TotalSeconds,6:F1}s {l.Text}"));

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Colors();

    [GeneratedRegex(@", sec=(\d+(?:\.\d+)?)")]
    private static partial Regex Seconds();
}
