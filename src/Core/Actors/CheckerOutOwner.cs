namespace Stateright.Actors;

/// <summary>
/// The checker's side of late writes for one actor model: keeps the first write refused outside any
/// handler (one from a thread the checker does not own, which must not throw there), so that the model
/// faults the run at its next step and the engine at the latest when the run ends. A write refused
/// inside a running handler is thrown into that handler instead, which faults the step it belongs to.
/// </summary>
internal sealed class CheckerOutOwner(Func<int, string> describeActor) : OutOwner
{
    private volatile string? _lateWrite;

    /// <summary>Whether a write was refused outside a handler (checked once per step).</summary>
    public bool HasLateWrite => _lateWrite is not null;

    /// <summary>The first write refused outside a handler, as an exception to fault the run with; null if none.</summary>
    public OutOfBandFault? LateWriteFault() => _lateWrite is { } message
        ? new OutOfBandFault("an actor's code ran after its handler had returned", new InvalidOperationException(message))
        : null;

    /// <inheritdoc/>
    public override string DescribeActor(int actor) => describeActor(actor);

    /// <inheritdoc/>
    public override bool Refused(string message, int actor, ActorHandler handler, string write, bool writerInHandler)
    {
        if (writerInHandler) return true;
        Interlocked.CompareExchange(ref _lateWrite, message, null);
        return false;
    }
}
