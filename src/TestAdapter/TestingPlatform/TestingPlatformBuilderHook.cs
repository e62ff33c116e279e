using System.Reflection;
using Microsoft.Testing.Platform.Builder;

using Stateright.Testing.TestingPlatform;

namespace Stateright.Testing.TestAdapter.TestingPlatform;

/// <summary>
/// The entry point Microsoft.Testing.Platform.MSBuild calls from the generated <c>Main</c> of a test
/// project that enables the runner (<c>EnableStaterightTestingRunner</c>); registered by the
/// package's <c>TestingPlatformBuilderHook</c> item. Also removes the empty <c>TestResults</c> folder the
/// platform creates where <c>dotnet test</c> ran (see EmptyResultsDirectory in src/Shared).
/// </summary>
public static class TestingPlatformBuilderHook
{
    /// <summary>Registers the adapter for the entry assembly (the test project).</summary>
    /// <param name="testApplicationBuilder">The application being built.</param>
    /// <param name="arguments">The command line (unused: the platform parses it).</param>
    public static void AddExtensions(ITestApplicationBuilder testApplicationBuilder, string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(testApplicationBuilder);
        // The platform creates TestResults where dotnet test ran, even when nothing is written there.
        testApplicationBuilder.AddEmptyResultsDirectoryCleanup();
        testApplicationBuilder.AddStaterightModelTests(() => [Assembly.GetEntryAssembly()!]);
    }
}
