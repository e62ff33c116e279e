using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Services;

namespace Stateright.Testing.TestingPlatform;

// Compiled into each package that extends Microsoft.Testing.Platform (the xUnit v3 and NUnit front ends, the adapter):
// the platform is not a dependency of Core, so this one file is linked where the platform is.

/// <summary>Registers <see cref="EmptyResultsDirectory"/>'s cleanup with a test application.</summary>
internal static class EmptyResultsDirectoryCleanup
{
    /// <summary>Call before the platform builds the test host (which creates its results directory).</summary>
    public static void AddEmptyResultsDirectoryCleanup(this ITestApplicationBuilder builder)
    {
        var defaultResults = EmptyResultsDirectory.Before();
        builder.TestHost.AddTestSessionLifetimeHandler(services => new Handler(services.GetConfiguration(), defaultResults));
    }

    private sealed class Handler(IConfiguration configuration, EmptyResultsDirectory defaultResults) : ITestSessionLifetimeHandler
    {
        public string Uid => "Stateright.Testing.EmptyResultsDirectory";

        public string Version => typeof(Handler).Assembly.GetName().Version?.ToString() ?? "0.0.0";

        public string DisplayName => "Stateright empty TestResults cleanup";

        public string Description => "Removes the empty TestResults folder the platform creates where dotnet test ran.";

        public Task<bool> IsEnabledAsync() => Task.FromResult(true);

        public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext)
        {
            defaultResults.RemoveAtExitIfEmpty(configuration);
            return Task.CompletedTask;
        }

        public Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext) => Task.CompletedTask;
    }
}

/// <summary>
/// The platform creates its results directory when it starts, whether or not anything is written there:
/// by default <c>TestResults</c> in the working directory, which under <c>dotnet test</c> is the folder the
/// command ran in (usually the project's). This removes that default directory when the process exits, if
/// the run created it (it did not exist before) and left it empty: a directory the user named
/// (<c>--results-directory</c>, the configuration), one that existed before, or one with a report, a log or
/// an attachment in it stays.
/// </summary>
internal sealed class EmptyResultsDirectory
{
    private readonly string _path;
    private readonly bool _existed;

    private EmptyResultsDirectory(string path, bool existed) => (_path, _existed) = (path, existed);

    /// <summary>The platform's default results directory, as it will be (no configuration read yet), and whether it exists now.</summary>
    public static EmptyResultsDirectory Before()
    {
        // As the platform computes it: dotnet test's working directory (it sets this variable), else the application's directory.
        var workingDirectory = Environment.GetEnvironmentVariable("DOTNET_CLI_TEST_COMMAND_WORKING_DIRECTORY");
        if (string.IsNullOrWhiteSpace(workingDirectory)) workingDirectory = AppContext.BaseDirectory;
        var path = Path.GetFullPath(Path.Combine(workingDirectory, "TestResults"));
        return new(path, Directory.Exists(path));
    }

    /// <summary>Once the configuration is known: removes the directory at exit if it is the run's results directory, new and empty.</summary>
    public void RemoveAtExitIfEmpty(IConfiguration configuration)
    {
        if (_existed) return;
        var results = configuration.GetTestResultDirectory();
        var platformDefault = Path.Combine(configuration.GetCurrentWorkingDirectory(), "TestResults");
        if (!SamePath(results, _path) || !SamePath(platformDefault, _path)) return; // named by the user
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                if (Directory.Exists(_path) && !Directory.EnumerateFileSystemEntries(_path).Any()) Directory.Delete(_path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left as the platform made it.
            }
        };
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
