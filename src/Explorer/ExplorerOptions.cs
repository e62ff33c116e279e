using System.Net;

namespace Stateright.Explorer;

/// <summary>Where the Explorer listens and how it names the model.</summary>
public sealed class ExplorerOptions
{
    /// <summary>The address to bind. Defaults to <see cref="IPAddress.Loopback"/> (127.0.0.1): only this machine can connect.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The TCP port; 0 (the default) lets the system choose a free one. <see cref="ExplorerServer.Address"/> tells which.</summary>
    public int Port { get; init; }

    /// <summary>The model's name on the page; defaults to its type's name (e.g. <c>TwoPhaseCommit</c>).</summary>
    public string? ModelName { get; init; }

    /// <summary>How many actions the page lists for one state at most (the rest are counted, not shown). Defaults to 1,000.</summary>
    public int MaxActionsShown { get; init; } = 1000;
}
