namespace Stateright;

/// <summary>Where a checker run stands, and why it stopped.</summary>
public enum CheckerStatus
{
    /// <summary>Still checking.</summary>
    Running,

    /// <summary>Every reachable state (within the boundary) was checked.</summary>
    Exhausted,

    /// <summary>The discoveries satisfied the finish condition (<see cref="HasDiscoveries"/>), so checking stopped early.</summary>
    FinishedByDiscoveries,

    /// <summary>Stopped at the target state count before every reachable state was checked.</summary>
    TargetStateCountReached,

    /// <summary>States at the target depth were left unchecked.</summary>
    TargetMaxDepthReached,

    /// <summary>Stopped by the timeout.</summary>
    TimedOut,

    /// <summary>Stopped by the cancellation token.</summary>
    Cancelled,

    /// <summary>The model (or a property, or a visitor) threw; see <see cref="Checker{TState, TAction}.Error"/>.</summary>
    Faulted,
}
