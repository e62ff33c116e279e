namespace Stateright.Explorer.Tests.Browser;

/// <summary>
/// A browser test: skipped, saying why, when the machine has no Chromium — unless the run is the
/// end-to-end suite, where the test runs and fails with the same message (see <see cref="Chromium.Required"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when there is no browser and none is required.</summary>
    public BrowserFactAttribute()
    {
        if (Chromium.Executable is null && !Chromium.Required) Skip = Chromium.Missing;
    }
}
