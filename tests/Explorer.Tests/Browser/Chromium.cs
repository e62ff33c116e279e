namespace Stateright.Explorer.Tests.Browser;

/// <summary>
/// The Chromium the browser tests drive: one already installed on the machine (Debian's <c>chromium</c>
/// package; CI installs it in .ci/run). Playwright never downloads a browser here.
/// </summary>
internal static class Chromium
{
    /// <summary>Names an executable explicitly, instead of looking for <c>chromium</c> on the PATH.</summary>
    public const string ExecutableVariable = "STATERIGHT_CHROMIUM";

    /// <summary>The suite a run belongs to, set by tests/suites/*.runsettings (empty when run without one).</summary>
    public const string SuiteVariable = "STATERIGHT_TEST_SUITE";

    private static readonly string[] Names = ["chromium", "chromium-browser"];

    /// <summary>The executable's full path, or null when the machine has none.</summary>
    public static string? Executable { get; } = Find();

    /// <summary>What to do when there is no browser: the same sentence for a skip and a failure.</summary>
    public static string Missing =>
        $"No Chromium on this machine: neither ${ExecutableVariable} nor 'chromium' on the PATH. " +
        "The browser tests drive an installed Chromium (Debian: apt-get install -y chromium); they never download one.";

    /// <summary>
    /// Whether this run is the end-to-end suite (or all), where a missing browser is a failure rather than
    /// a skip: CI installs Chromium before that suite, so a missing one there is a broken machine.
    /// </summary>
    public static bool Required =>
        Environment.GetEnvironmentVariable(SuiteVariable)?.ToLowerInvariant() is "endtoend" or "all";

    private static string? Find()
    {
        var named = Environment.GetEnvironmentVariable(ExecutableVariable);
        if (!string.IsNullOrEmpty(named)) return File.Exists(named) ? Path.GetFullPath(named) : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in Names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
