using DiffEngine;

namespace Stateright.Snapshots;

/// <summary>
/// Where snapshots are being compared: on a build server (no diff tool, no writes to verified files)
/// or on a developer machine (diff tool launched; opt-in auto-accept).
/// </summary>
public sealed record SnapshotEnvironment(bool IsContinuousIntegration, bool DiffToolEnabled, bool AutoAccept)
{
    /// <summary>How to install the <c>stateright</c> command that accepts, rejects and lists snapshots.</summary>
    public const string ToolInstallCommand = "dotnet tool install --global Stateright.Testing.Tool --prerelease";

    /// <summary>True when <see cref="AutoAcceptVariable"/> was set but ignored because this is CI.</summary>
    public bool AutoAcceptIgnored { get; init; }

    /// <summary>Environment variable that, set to true, accepts new and changed snapshots of expected discoveries and examples automatically (never on CI).</summary>
    public const string AutoAcceptVariable = "STATERIGHT_ACCEPT_SNAPSHOTS";

    /// <summary>Environment variable that, set to true, stops diff tools from being launched.</summary>
    public const string DisableDiffVariable = "STATERIGHT_DIFF_DISABLED";

    /// <summary>
    /// Reads the process environment. CI is a truthy <c>CI</c> variable (which DiffEngine does not
    /// check) or a build server DiffEngine detects; diff tools are off on CI, when DiffEngine is
    /// disabled, or when <see cref="DisableDiffVariable"/> is true.
    /// </summary>
    public static SnapshotEnvironment FromProcess()
    {
        var ci = IsTruthy(Environment.GetEnvironmentVariable("CI")) || BuildServerDetector.Detected;
        var diff = !ci && !DiffRunner.Disabled && !IsTruthy(Environment.GetEnvironmentVariable(DisableDiffVariable));
        var requested = IsTruthy(Environment.GetEnvironmentVariable(AutoAcceptVariable));
        return new SnapshotEnvironment(ci, diff, requested && !ci) { AutoAcceptIgnored = requested && ci };
    }

    /// <summary>True for "true", "1", "yes" and "on", in any case.</summary>
    public static bool IsTruthy(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1"
            || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("on", StringComparison.OrdinalIgnoreCase));
}
