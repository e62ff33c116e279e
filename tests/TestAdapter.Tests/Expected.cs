namespace Stateright.Testing.TestAdapter.Tests;

/// <summary>What every runner must report for the adapter fixture: the shared scenarios plus the seed's register.</summary>
internal static class Expected
{
    public const string Class = "AdapterFixture.FixtureModels";

    public const string RegisterClass = "AdapterFixture.RegisterModelTests";

    /// <summary>Display name → outcome (TRX spelling).</summary>
    public static readonly IReadOnlyDictionary<string, string> Outcomes = new Dictionary<string, string>
    {
        ["Mixed(holds)"] = "Passed",
        ["Mixed(violated)"] = "Failed",
        ["Mixed(reachable)"] = "Passed",
        ["Mixed(unreachable)"] = "Failed",
        ["KnownBug(known bug)"] = "Passed",
        ["Broken"] = "Failed",
        ["Endless(finite)"] = "Failed",
        ["BadArguments"] = "Failed",
        ["Slow(finite)"] = "Passed", // a long check only when asked for (live progress)
        ["SingleServer(linearizable)"] = "Passed",
        ["SingleServer(get succeeds)"] = "Passed",
        ["SingleServer(put succeeds)"] = "Passed",
    };

    /// <summary>The fully qualified name of a display name.</summary>
    public static string FullyQualifiedName(string displayName) =>
        (displayName.StartsWith("SingleServer", StringComparison.Ordinal) ? RegisterClass : Class) + "." + displayName;

    /// <summary>Display name → a piece of its failure message.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Messages = new Dictionary<string, string[]>
    {
        ["Mixed(violated)"] = ["Unexpected Property \"violated\" (Always): counterexample in 2 steps:", "Last state: 2"],
        ["Mixed(unreachable)"] = ["every state was checked, so this outcome is unreachable"],
        ["Broken"] = ["the factory is broken"],
        ["Endless(finite)"] = ["model checking is incomplete: it timed out"],
        ["BadArguments"] = ["has bad arguments: Threads must be 0 (all cores) or at least 1, not -1."],
    };

    /// <summary>Display name → the attached files' names (trace, received snapshot, diagram, verified snapshot).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Attachments = new Dictionary<string, string[]>
    {
        ["Mixed(violated)"] = ["FixtureModels.Mixed.violated.trace.txt", "FixtureModels.Mixed.violated.received.txt"],
        // A passed case attaches nothing (its trace is still written under stateright-traces/).
        ["Mixed(reachable)"] = [],
        ["KnownBug(known bug)"] = [],
        ["SingleServer(linearizable)"] = [],
        ["Mixed(holds)"] = [],
        ["Broken"] = [],
    };
}
