using System.ComponentModel;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Services;

using Stateright.Testing.TestingPlatform;

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
        testApplicationBuilder.AddEmptyResultsDirectoryCleanup();
        testApplicationBuilder.TestHost.AddTestSessionLifetimeHandler(services => new LiveProgressOutput(services.GetOutputDevice()));
    }
}

/// <summary>
/// For the length of the test session, attaches the platform's output device to <see cref="LiveConsole"/>:
/// the lines the core picked for the console (it alone decides which) are written there as they come.
/// </summary>
internal sealed class LiveProgressOutput : ITestSessionLifetimeHandler, IOutputDeviceDataProducer
{
    private readonly IOutputDevice _device;
    private readonly Action<string> _write;

    public LiveProgressOutput(IOutputDevice device)
    {
        _device = device;
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
