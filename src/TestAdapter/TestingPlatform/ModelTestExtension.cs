using Microsoft.Testing.Platform.Extensions;

namespace Stateright.Testing.TestAdapter.TestingPlatform;

/// <summary>The adapter's identity as a Microsoft.Testing.Platform extension.</summary>
internal sealed class ModelTestExtension : IExtension
{
    public string Uid => "Stateright.Testing.TestAdapter";

    public string DisplayName => AdapterConstants.DisplayName;

    public string Version { get; } = typeof(ModelTestExtension).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public string Description => "Runs [ModelTest] methods: one test per model property, one checker run per method.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);
}
