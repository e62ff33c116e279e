using System.ComponentModel;
using System.Runtime.CompilerServices;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Stateright.Testing.TestingPlatform;

namespace Stateright.Testing.NUnit.TestingPlatform;

/// <summary>
/// Registers the package's Microsoft.Testing.Platform extension in a project on NUnit's platform runner
/// (<c>EnableNUnitRunner</c>): the package's buildTransitive targets name this type in a
/// <c>TestingPlatformBuilderHook</c> item, which only a platform application's generated entry point calls. The
/// extension removes the empty <c>TestResults</c> folder the platform creates where <c>dotnet test</c> ran
/// (src/Shared/TestingPlatform). Not for use in code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TestingPlatformBuilderHook
{
    /// <summary>Adds the extension to <paramref name="testApplicationBuilder"/>, on platform 2.x.</summary>
    /// <param name="testApplicationBuilder">The test application being built.</param>
    /// <param name="arguments">The command line (unused).</param>
    public static void AddExtensions(ITestApplicationBuilder testApplicationBuilder, string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(testApplicationBuilder);
        // Built against platform 2.x, whose session handlers differ from 1.x's (NUnit3TestAdapter before 6 runs on
        // 1.x): on 1.x the extension is left out rather than failing the test application at start.
        // 2.x's session handlers take one context; 1.x's took a session id and a cancellation token.
        var starting = typeof(ITestSessionLifetimeHandler).GetMethod(nameof(ITestSessionLifetimeHandler.OnTestSessionStartingAsync));
        if (starting is null || starting.GetParameters().Length != 1) return;
        AddCleanup(testApplicationBuilder);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddCleanup(ITestApplicationBuilder builder) => builder.AddEmptyResultsDirectoryCleanup();
}
