namespace Stateright.Testing.XunitV3;

/// <summary>
/// Where the front end sends the core's live console lines (<see cref="ModelTestProgress.Console"/>; the core
/// decides which lines those are). Under Microsoft.Testing.Platform the package's extension
/// (<see cref="TestingPlatform.TestingPlatformBuilderHook"/>) attaches the platform's output device for the
/// test session, and the lines go there, shown by the console of <c>dotnet test</c> or of the test
/// executable without any option. Without it (VSTest, or a project that turned the extension off) nothing
/// is attached and the front end sends them as xUnit diagnostic messages instead. No type of the platform
/// appears here, so the front end runs where the platform's assemblies are absent.
/// </summary>
internal static class LiveConsole
{
    private static Action<string>? s_device;

    /// <summary>Sends <paramref name="line"/> to the attached output device; false when none is attached.</summary>
    public static bool TryWrite(string line)
    {
        if (Volatile.Read(ref s_device) is not { } device) return false;
        device(line);
        return true;
    }

    /// <summary>Sends the lines to <paramref name="device"/> from now on.</summary>
    public static void Attach(Action<string> device) => Volatile.Write(ref s_device, device);

    /// <summary>Stops sending lines to <paramref name="device"/> (if it is still the attached one).</summary>
    public static void Detach(Action<string> device) => Interlocked.CompareExchange(ref s_device, null, device);
}
