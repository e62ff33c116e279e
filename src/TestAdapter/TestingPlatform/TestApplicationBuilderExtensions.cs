using System.Reflection;
using Microsoft.Testing.Extensions.TrxReport.Abstractions;
using Microsoft.Testing.Extensions.VSTestBridge.Helpers;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Capabilities.TestFramework;

namespace Stateright.Testing.TestAdapter.TestingPlatform;

/// <summary>Registers the model-test adapter with a Microsoft.Testing.Platform application.</summary>
public static class TestApplicationBuilderExtensions
{
    /// <summary>
    /// Registers [ModelTest] discovery and execution as the application's test framework, with
    /// VSTest's <c>--filter</c>, <c>--settings</c> and <c>--test-parameter</c> options.
    /// </summary>
    public static void AddStaterightModelTests(this ITestApplicationBuilder builder, Func<IEnumerable<Assembly>> getTestAssemblies)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(getTestAssemblies);
        var extension = new ModelTestExtension();
        builder.AddRunSettingsService(extension);
        builder.AddTestCaseFilterService(extension);
        builder.AddTestRunParametersService(extension);
        builder.RegisterTestFramework(
            _ => new TestFrameworkCapabilities(new TrxCapability()),
            (capabilities, services) => new ModelTestBridgedFramework(extension, getTestAssemblies, services, capabilities));
    }

    /// <summary>
    /// Tells the TRX report that results carry what it needs (class names, messages, files). The
    /// bridge's own capability set is avoided: it also advertises the legacy "vstestProvider"
    /// feature, which makes IDEs read internal key/value properties instead of the structured ones.
    /// </summary>
    private sealed class TrxCapability : ITrxReportCapability
    {
        public bool IsSupported => true;

        public void Enable() { }
    }
}
