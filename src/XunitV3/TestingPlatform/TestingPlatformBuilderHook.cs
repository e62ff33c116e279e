using System.ComponentModel;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Services;

namespace Stateright.Testing.XunitV3.TestingPlatform;

/// <summary>
/// Registers the package's Microsoft.Testing.Platform extension: the package's buildTransitive targets name
/// this type in a <c>TestingPlatformBuilderHook</c> item, and the entry point that Microsoft.Testing.Platform.MSBuild
/// generates for an xUnit v3 test project calls <see cref="AddExtensions"/> at startup (as it does xUnit's own).
/// The extension prints the live progress of long model checks on the platform's output device (xUnit v3
/// prints its diagnostic messages there only with <c>--xunit-diagnostics on</c>), and removes the empty
/// <c>TestResults</c> folder the platform creates in the working directory of every run. Not for use in code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TestingPlatformBuilderHook
{
    /// <summary>Adds the extension to <paramref name="testApplicationBuilder"/>'s test host.</summary>
    /// <param name="testApplicationBuilder">The test application being built.</param>
    /// <param name="arguments">The command line (unused).</param>
    public static void AddExtensions(ITestApplicationBuilder testApplicationBuilder, string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(testApplicationBuilder);
        // Before the platform builds the test host, which creates its results directory.
        var defaultResults = EmptyResultsDirectory.Before();
        testApplicationBuilder.TestHost.AddTestSessionLifetimeHandler(services =>
            new LiveProgressOutput(services.GetOutputDevice(), services.GetConfiguration(), defaultResults));
    }
}

/// <summary>
/// For the length of the test session, attaches the platform's output device to <see cref="LiveConsole"/>:
/// the lines the core picked for the console (it alone decides which) are written there as they come.
/// </summary>
internal sealed class LiveProgressOutput : ITestSessionLifetimeHandler, IOutputDeviceDataProducer
{
    private readonly IOutputDevice _device;
    private readonly IConfiguration _configuration;
    private readonly EmptyResultsDirectory _defaultResults;
    private readonly Action<string> _write;

    public LiveProgressOutput(IOutputDevice device, IConfiguration configuration, EmptyResultsDirectory defaultResults)
    {
        _device = device;
        _configuration = configuration;
        _defaultResults = defaultResults;
        _write = Write;
    }

    public string Uid => "Stateright.Testing.XunitV3.LiveProgress";

    public string Version => typeof(LiveProgressOutput).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public string DisplayName => "Stateright model-check progress";

    public string Description => "Prints the progress of long model checks ([ModelTheory]) while they run.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext)
    {
        LiveConsole.Attach(_write);
        _defaultResults.RemoveAtExitIfEmpty(_configuration);
        return Task.CompletedTask;
    }

    public Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        LiveConsole.Detach(_write);
        return Task.CompletedTask;
    }

    // Synchronously, as xUnit's own sinks write to the device: the lines keep their order, and the caller is
    // the checker's progress callback, not a thread the platform needs.
    private void Write(string line) =>
        _device.DisplayAsync(this, new TextOutputDeviceData(line), CancellationToken.None).GetAwaiter().GetResult();
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
